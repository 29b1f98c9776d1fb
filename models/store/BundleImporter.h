#pragma once

#include "ChangeApplier.h"
#include "domain/Result.h"

#include <QIODevice>
#include <functional>

namespace adm::store {

// Imports an offline bundle: JSON lines, one change of the feed per line (the format
// `admissionsctl generate` writes, docs/change-feed-format.md). Lines are parsed on a worker
// thread while the previous batch is applied, and each batch goes through ChangeApplier in one
// transaction, so a killed import leaves whole batches only. Importing again is harmless.
class BundleImporter {
public:
    struct Progress {
        qint64 lines = 0;
        qint64 bytes = 0;
        qint64 totalBytes = 0;
        ApplyStats stats;
    };
    using ProgressFn = std::function<void(const Progress&)>;

    // Changes per transaction. Bigger transactions write each index page once for more rows: at
    // 100,000 applications 40,000 is a quarter faster than 20,000 (bench_import), for a peak of
    // two batches in memory (one applied, the next parsed: about 200 MB).
    static constexpr int kDefaultBatch = 40000;

    explicit BundleImporter(Connection& writer, int batchSize = kDefaultBatch);

    // On a bad line: stops before applying that line's batch. Batches before it stay applied
    // (they were valid, and importing is repeatable); the error names the line and the field.
    Result<ApplyStats> run(QIODevice& input, const ProgressFn& progress = {});

private:
    ChangeApplier m_applier;
    int m_batchSize;
};

} // namespace adm::store
