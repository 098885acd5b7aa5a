settings-btn-news = 📣 代理机构通知
news-btn-off = 🔕 不再接收代理机构通知
news-btn-on = 🔔 重新接收代理机构通知
news-status-on = 🔔 您会收到代理机构的通知。关于您证件的提醒无论如何都会发送。
news-status-off = 🔕 已关闭代理机构通知。关于您证件的提醒仍会发送。可在此处或 /settings 中重新开启。
