handoff-ask = Scrivi la tua domanda per gli operatori in <b>un solo messaggio</b> (puoi allegare una foto o un documento). Ti risponderanno qui, in questa chat.
handoff-ask-last =
    La tua ultima domanda era:
    <i>{ $question }</i>

    Inviala a un operatore con il pulsante, oppure scrivi una nuova domanda in un solo messaggio.
handoff-btn-send-last = 📨 Invia la mia ultima domanda
handoff-btn-cancel = ✖️ Annulla
handoff-cancelled = Va bene, non è stato inviato nulla agli operatori.
handoff-opened = ✅ La tua domanda è arrivata ai nostri operatori. Ti risponderanno qui. Anche tutto ciò che scrivi da ora arriverà a loro, finché non chiuderanno la conversazione.
handoff-already-open = La conversazione con un operatore è ancora aperta: scrivi pure qui e la vedranno.
handoff-closed = L'operatore ha chiuso la conversazione. Da ora rispondo di nuovo io alle tue domande; premi “Parla con un operatore” quando ti serve una persona.
handoff-failed = Spiacenti, al momento non riesco a contattare gli operatori. Riprova più tardi.
handoff-not-delivered = Spiacenti, questo messaggio non è arrivato agli operatori. Invialo di nuovo tra un minuto.
handoff-card-header = 🆘 <b>Conversazione n. { $thread }</b>
handoff-card-user = 👤 <a href="tg://user?id={ $id }">{ $name }</a>{ $username } · id <code>{ $id }</code>
handoff-card-language = 🌐 Lingua: { $language }
handoff-card-documents = 📂 Documenti salvati:
handoff-card-document = { $days ->
    [0] • { $document }: { $date }, scade oggi
    [one] • { $document }: { $date }, manca { $days } giorno
   *[other] • { $document }: { $date }, mancano { $days } giorni
}
handoff-card-document-expired = • { $document }: { $date }, scaduto
handoff-card-no-documents = 📂 Nessun documento salvato.
handoff-card-question = ❓ <b>Domanda:</b>
handoff-card-see-below = (vedi il messaggio qui sotto)
handoff-card-hint = <i>Per rispondere, rispondi a questo messaggio o a un qualsiasi messaggio della conversazione. Chiudila con il pulsante o rispondendo /close.</i>
handoff-btn-close = ✅ Chiudi la conversazione
handoff-op-closed = ✅ Conversazione n. { $thread } chiusa da { $name }.
handoff-op-already-closed = La conversazione n. { $thread } è chiusa, quindi questo messaggio non è stato inviato. L'utente può aprirne una nuova con “Parla con un operatore”.
handoff-op-gone = Questa conversazione non esiste più.
handoff-op-blocked = ⚠️ Non consegnato: { $name } ha bloccato il bot.
handoff-op-failed = ⚠️ Non consegnato: { $error }
handoff-op-close-how = Per chiudere una conversazione, rispondi /close a uno dei suoi messaggi.
handoff-btn-end = ✖️ Termina la chat
handoff-ended = ✅ La chat con i nostri operatori è terminata. Torno a rispondere io alle tue domande; premi “Parla con un operatore” quando ti serve una persona.
handoff-already-ended = Questa chat è già terminata.
handoff-from-operator = 👤 <b>Risponde un nostro operatore</b> (una persona, non il bot):
handoff-hours-open = 🕙 I nostri operatori lavorano { $hours }, { $zone }. Ora sono al lavoro: aspettati una risposta a breve.
handoff-hours-closed = 🕙 I nostri operatori lavorano { $hours }, { $zone }. Ora siamo fuori orario: aspettati una risposta dal { $date }, ore { $time } (ora tua).
handoff-op-user-ended = ✖️ Conversazione #{ $thread } terminata dall’utente.
