#include "CacheEvidence.h"

#include "Sql.h"
#include "policy/EvidenceJson.h"

#include <QFuture>
#include <QSet>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>
#include <algorithm>

namespace adm::store {

namespace {

// Records as read, waiting to be parsed.
struct Block {
    QList<QByteArray> texts;
    QList<qint64> versions;
    Block slice(qsizetype from, qsizetype n) const { return Block{texts.mid(from, n), versions.mid(from, n)}; }
};

QList<policy::EvidenceRecord> parse(const Block& block)
{
    QList<policy::EvidenceRecord> out;
    out.reserve(block.texts.size());
    for (qsizetype i = 0; i < block.texts.size(); ++i) {
        if (auto r = policy::readEvidenceRecord(block.texts.at(i))) {
            r->version = block.versions.at(i);
            out.append(std::move(*r));
        }
    }
    return out;
}

} // namespace

void CacheEvidence::load(Statement& q, bool distinct)
{
    constexpr qsizetype kBlock = 16384;
    const qsizetype slices = std::max(1, QThreadPool::globalInstance()->maxThreadCount());
    // The parsed records are moved, never copied: there are hundreds of thousands, and
    // QFuture::results() would copy each.
    QList<QFuture<QList<policy::EvidenceRecord>>> parsing;
    const auto collect = [this, &parsing] {
        for (QFuture<QList<policy::EvidenceRecord>>& f : parsing)
            index.addAll(f.takeResult());
        parsing.clear();
    };
    QSet<qint64> seen;
    Block block;
    bool more = true;
    while (more) {
        more = q.step();
        if (more) {
            if (!distinct) {
                const qint64 rowid = q.int64(0);
                if (seen.contains(rowid))
                    continue;
                seen.insert(rowid);
            }
            block.versions.append(q.int64(1));
            block.texts.append(q.utf8(2));
        }
        if (block.texts.size() == kBlock || (!more && !block.texts.isEmpty())) {
            collect();
            const qsizetype step = (block.texts.size() + slices - 1) / slices;
            for (qsizetype from = 0; from < block.texts.size(); from += step)
                parsing.append(QtConcurrent::run(&parse, block.slice(from, step)));
            block = {};
        }
    }
    collect();
}

} // namespace adm::store
