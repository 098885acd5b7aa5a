export-caption = 📦 我保存的关于您的全部数据（JSON 文件）。
forget-confirm = 要删除我保存的关于您的全部数据吗？包括已保存的证件、提醒、设置和提问记录。此操作无法撤销。
forget-btn-yes = 🗑 是的，全部删除
forget-btn-no = 保留我的数据
forget-kept = 好的，没有删除任何内容。
forget-done = ✅ 完成：我保存的关于您的全部数据都已删除。如果您再次发消息，我会从头开始。
