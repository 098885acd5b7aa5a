settings-btn-news = 📣 Notizie dell'agenzia
news-btn-off = 🔕 Disattiva le notizie dell'agenzia
news-btn-on = 🔔 Riattiva le notizie dell'agenzia
news-status-on = 🔔 Ricevi le notizie dell'agenzia. I promemoria sui tuoi documenti arrivano comunque.
news-status-off = 🔕 Le notizie dell'agenzia sono disattivate. I promemoria sui tuoi documenti arrivano comunque. Puoi riattivarle qui o in /settings.
