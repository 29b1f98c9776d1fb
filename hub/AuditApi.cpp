#include "AuditApi.h"

#include "ApiSupport.h"
#include "HubContext.h"
#include "HubStorage.h"
#include "InputRules.h"
#include "domain/FieldReader.h"
#include "domain/JsonCodec.h"

#include <QDateTime>

namespace adm::hub {

HttpReply AuditApi::push(const HttpRequest& request, const Session& session)
{
    QJsonObject body;
    if (auto bad = api::parseObject(request.body, &body))
        return *bad;
    QList<QJsonObject> entries;
    if (auto bad = api::readItems(body, QStringLiteral("entries"), m_context.options.maxItemsPerRequest, &entries))
        return *bad;
    if (session.workstationId.isEmpty())
        return HttpReply::invalid(QStringLiteral("session.workstation.id: sign in with a workstation id to upload "
                                                 "an audit log"));

    HubStorage& storage = m_context.storage;
    api::PushRunner runner(storage, session, QStringLiteral("audit"));
    int index = -1;
    return runner.run(entries, [&](const QJsonObject& entry, const QString& key) -> Result<QJsonObject> {
        ++index;
        const QString path = QStringLiteral("entries[%1]").arg(index);
        if (const QString problem = input::check(entry, input::auditItem(), path); !problem.isEmpty())
            return api::invalid(key, problem);
        json::FieldReader r(entry, path);
        const qint64 seq = r.integer(QStringLiteral("seq"));
        const QDateTime at = r.time(QStringLiteral("at"));
        const QString actor = r.string(QStringLiteral("actor"), json::FieldReader::Optional);
        const QString localActor = r.string(QStringLiteral("local_actor"), json::FieldReader::Optional);
        const QString action = r.string(QStringLiteral("action"));
        const QString subject = r.string(QStringLiteral("subject"), json::FieldReader::Optional);
        const QString prevHash = r.string(QStringLiteral("prev_hash"), json::FieldReader::Optional);
        const QString hash = r.string(QStringLiteral("hash"));
        if (!r.ok())
            return api::invalid(key, r.error().message);
        // The uploader is the signed-in account; the workstation's own user name may come as
        // local_actor (what its hash chain covers), kept as it is.
        if (!actor.isNull() && actor != session.account.id)
            return api::deciderMismatch(key, path + QStringLiteral(".actor"), actor, session);

        store::Connection& c = storage.connection();
        auto same = c.prepare(QStringLiteral("SELECT hash FROM audit_entries WHERE workstation_id = ? AND seq = ?"));
        if (!same)
            return same.error();
        same->bind(1, session.workstationId).bind(2, seq);
        if (same->step()) {
            if (same->text(0) == hash) {
                // Already held under another key: the same entry, so nothing to do.
                QJsonObject dup = api::itemResult(key, QStringLiteral("duplicate"));
                dup.insert(QStringLiteral("id"), QString::number(seq));
                dup.insert(QStringLiteral("original_status"), QStringLiteral("accepted"));
                return dup;
            }
            return api::conflict(key, QStringLiteral("chain_fork"),
                                 QStringLiteral("entry %1 of this workstation is held with another hash").arg(seq),
                                 QString::number(seq));
        }
        auto last = c.prepare(
            QStringLiteral("SELECT seq, hash FROM audit_entries WHERE workstation_id = ? ORDER BY seq DESC LIMIT 1"));
        if (!last)
            return last.error();
        last->bind(1, session.workstationId);
        if (last->step()) {
            const qint64 lastSeq = last->int64(0);
            const QString lastHash = last->text(1);
            if (seq < lastSeq)
                return api::conflict(
                    key, QStringLiteral("chain_broken"),
                    QStringLiteral("entry %1 comes before the last held entry %2").arg(seq).arg(lastSeq),
                    QString::number(seq));
            if (prevHash != lastHash)
                return api::conflict(key, QStringLiteral("chain_broken"),
                                     QStringLiteral("entry %1: prev_hash is not the hash of entry %2, the last one "
                                                    "held for this workstation")
                                         .arg(seq)
                                         .arg(lastSeq),
                                     QString::number(seq));
        }
        auto insert = c.prepare(QStringLiteral(
            "INSERT INTO audit_entries (workstation_id, seq, account, at, actor, action, subject, prev_hash, hash, "
            "received_at, local_actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
        if (!insert)
            return insert.error();
        insert->bind(1, session.workstationId).bind(2, seq).bind(3, session.account.id).bind(4, json::formatTime(at));
        insert->bind(5, session.account.id).bind(6, action).bind(7, subject).bind(8, prevHash).bind(9, hash);
        insert->bind(10, json::formatTime(api::hubNow())).bind(11, localActor);
        if (Status s = insert->run(); !s)
            return s.error();
        return api::accepted(key, QString::number(seq));
    });
}

} // namespace adm::hub
