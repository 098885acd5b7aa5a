export-caption = 📦 Tutto quello che conservo su di te, in un file JSON.
forget-confirm = Vuoi cancellare tutto quello che conservo su di te: documenti salvati, promemoria, impostazioni e domande? Non si potrà tornare indietro.
forget-btn-yes = 🗑 Sì, cancella tutto
forget-btn-no = Tieni i miei dati
forget-kept = Va bene, non ho cancellato niente.
forget-done = ✅ Fatto: ho cancellato tutto quello che conservavo su di te. Se mi scrivi di nuovo, ripartirò da zero.
