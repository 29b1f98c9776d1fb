#pragma once

#include "domain/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace adm::hub {

// Faults for tests and demos, from a spec such as
//   drop-after:decisions:0.2,status503:changes:0.1:retry-after=1,slow:changes:2000ms
// Grammar (docs/hub.md):
//   SPEC   := RULE ("," RULE)*
//   RULE   := KIND ":" TARGET (":" PARAM)*
//   KIND   := drop-before | drop-after | status500 | status503 | status429 | slow | truncate
//             | invalid-json | hang
//   TARGET := sessions | changes | decisions | applications | signing-keys | batches | audit
//             | agency | stats | any
//   PARAM  := a probability 0..1 (default 1) | a duration "250ms" or "2s" (slow: the delay; hang:
//             how long before the hub closes the connection, default 300s) | retry-after=SECONDS
//             | times=N (fire at most N times) | skip=N (let the first N matching requests pass)
// Every rule that matches a request draws once from one generator seeded with --fault-seed, so
// the same seed and the same order of requests give the same faults.
class FaultInjector {
public:
    enum class Kind { DropBefore, DropAfter, Status500, Status503, Status429, Slow, Truncate, InvalidJson, Hang };

    struct Rule {
        Kind kind = Kind::DropBefore;
        QString target;
        double probability = 1.0;
        int durationMs = -1;
        int retryAfter = -1;
        int times = -1;
        int skip = 0;
        int seen = 0;
        int fired = 0;
    };

    // What happens to one request.
    struct Plan {
        // Before the handler runs: at most one of these.
        bool dropBefore = false;
        bool hang = false;
        int hangMs = 300000;
        int status = 0; // 500, 503 or 429 instead of running the handler
        int retryAfter = -1;
        // After it ran (and committed, if it changes state).
        bool dropAfter = false;
        bool truncate = false;
        bool invalidJson = false;
        int delayMs = 0;
        QStringList names; // for the request log

        bool any() const { return !names.isEmpty(); }
    };

    static Result<FaultInjector> parse(const QString& spec, quint64 seed);
    FaultInjector() = default;

    bool isEmpty() const { return m_rules.isEmpty(); }
    Plan plan(const QString& endpoint);

    static QString kindName(Kind kind);

private:
    double draw();

    QList<Rule> m_rules;
    quint64 m_state = 0;
};

} // namespace adm::hub
