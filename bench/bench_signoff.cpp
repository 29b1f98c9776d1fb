// bench_signoff: the principal's signature of a batch (issue 14's "Measure"), in milliseconds, for a batch
// of 2,000 items (default) with each algorithm (Ed25519, SM2 with SM3): building the batch object of the
// contract and its canonical bytes (json::canonical: the bytes signed), signing them (crypto::signMessage,
// the PEM parsed in place), and verifying (crypto::verifySignature, as the hub does). The private key is
// unwrapped from its passphrase blob first, measured on its own: PBKDF2-HMAC-SHA256 with 1,000,000
// iterations by design (crypto::kPassphraseWrapIterations), paid once per signature because the
// passphrase is asked again for every one. Target: under 1 s each for build, sign and verify. Baselines
// in the same run: SHA-256 of the same bytes, and QJsonDocument::toJson(Compact) of the same object
// (Qt's serialiser, which the canonical form replaces). Medians of a few rounds. It prints; it never
// asserts.
//
//   bench_signoff [--items N] [--rounds R] [--unwrap-rounds U]
#include "BenchOptions.h"
#include "domain/CanonicalJson.h"
#include "security/Crypto.h"
#include "security/SecretBytes.h"
#include "security/Signatures.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cstdio>

using namespace adm;

namespace {

using bench::Figures;

double msSince(const QElapsedTimer& t)
{
    return t.nsecsElapsed() / 1e6;
}

void print(const char* what, const Figures& f)
{
    std::printf("  %-54s median %9.3f ms   max %9.3f ms\n", what, f.median(), f.max());
}

// The batch object SignOff::sign builds: the contract's fields, `items` items (nine approvals in ten,
// categories A, B and C in turn; a rejection carries no category).
QJsonObject batchObject(int items, const QString& algorithm, const QString& keyId)
{
    static const QString categories[] = {QStringLiteral("A"), QStringLiteral("B"), QStringLiteral("C")};
    QJsonArray list;
    for (int i = 0; i < items; ++i) {
        const bool approve = i % 10 != 9;
        QJsonObject item{{QStringLiteral("application_id"), QStringLiteral("A2026P%1").arg(i + 1, 6, 10, QChar(u'0'))},
                         {QStringLiteral("version"), 3 + i % 5},
                         {QStringLiteral("outcome"), approve ? QStringLiteral("approve") : QStringLiteral("reject")}};
        if (approve)
            item.insert(QStringLiteral("category"), categories[i % 3]);
        list.append(item);
    }
    return QJsonObject{{QStringLiteral("id"), QStringLiteral("0b3e7a52-1c4d-4f6a-8e9b-2d7c5a1f3e60")},
                       {QStringLiteral("school_id"), QStringLiteral("S371102001")},
                       {QStringLiteral("title"), QStringLiteral("2026年第一轮录取（东港区第一实验小学）")},
                       {QStringLiteral("created_at"), QStringLiteral("2026-06-08T01:00:00Z")},
                       {QStringLiteral("signer"), QStringLiteral("principal.s371102001")},
                       {QStringLiteral("key_id"), keyId},
                       {QStringLiteral("algorithm"), algorithm},
                       {QStringLiteral("items"), list}};
}

struct AlgorithmFigures {
    Figures build;     // the object and its canonical bytes
    Figures canonical; // the canonical bytes alone, of the built object
    Figures unwrap;
    Figures sign;
    Figures verify;
    int bytes = 0;
    int signatureBytes = 0;
};

bool measure(crypto::SignatureAlgorithm algorithm, int items, int rounds, int unwrapRounds, AlgorithmFigures& f,
             Figures& sha256, Figures& toJson)
{
    const QString name = crypto::signatureAlgorithmName(algorithm);
    auto key = crypto::generateSigningKey(algorithm);
    if (!key) {
        std::fprintf(stderr, "%s: key: %s\n", qPrintable(name), qPrintable(key.error().message));
        return false;
    }
    const security::SecretBytes passphrase(QStringLiteral("principal's passphrase 7"));
    const QByteArray context = QByteArrayLiteral("principal.s371102001-0123456789abcdef\nprincipal");
    auto wrapped = crypto::wrapWithPassphrase(key->privateKeyPem, passphrase, context);
    if (!wrapped) {
        std::fprintf(stderr, "%s: wrap: %s\n", qPrintable(name), qPrintable(wrapped.error().message));
        return false;
    }
    for (int r = 0; r < unwrapRounds; ++r) {
        QElapsedTimer t;
        t.start();
        auto unwrapped = crypto::unwrapWithPassphrase(*wrapped, passphrase, context);
        f.unwrap.add(msSince(t));
        if (!unwrapped) {
            std::fprintf(stderr, "%s: unwrap: %s\n", qPrintable(name), qPrintable(unwrapped.error().message));
            return false;
        }
    }
    auto privateKey = crypto::unwrapWithPassphrase(*wrapped, passphrase, context);
    if (!privateKey)
        return false;

    const QString keyId = QStringLiteral("principal.s371102001-0123456789abcdef");
    for (int r = 0; r < rounds; ++r) {
        QElapsedTimer t;
        t.start();
        const QJsonObject object = batchObject(items, name, keyId);
        const QByteArray canonical = json::canonical(object);
        f.build.add(msSince(t));
        f.bytes = int(canonical.size());

        t.restart();
        const QByteArray again = json::canonical(object);
        f.canonical.add(msSince(t));

        t.restart();
        auto signature = crypto::signMessage(*privateKey, algorithm, canonical);
        f.sign.add(msSince(t));
        if (!signature) {
            std::fprintf(stderr, "%s: sign: %s\n", qPrintable(name), qPrintable(signature.error().message));
            return false;
        }
        f.signatureBytes = int(signature->size());

        t.restart();
        const Status verified = crypto::verifySignature(key->publicKeyPem, algorithm, canonical, *signature);
        f.verify.add(msSince(t));
        if (!verified || again != canonical) {
            std::fprintf(stderr, "%s: the signature does not verify\n", qPrintable(name));
            return false;
        }

        // The baselines, on the same bytes and the same object.
        t.restart();
        const QByteArray digest = crypto::sha256(canonical);
        sha256.add(msSince(t));
        t.restart();
        const QByteArray compact = QJsonDocument(object).toJson(QJsonDocument::Compact);
        toJson.add(msSince(t));
        if (digest.size() != 32 || compact.isEmpty())
            return false;
    }
    return true;
}

const char* verdict(double ms)
{
    return ms < 1000 ? "met" : "missed";
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addOption(
        {QStringLiteral("items"), QStringLiteral("Items in the batch."), QStringLiteral("N"), QStringLiteral("2000")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("Rounds of build, sign and verify."),
                      QStringLiteral("R"), QStringLiteral("9")});
    parser.addOption({QStringLiteral("unwrap-rounds"), QStringLiteral("Rounds of unwrapping the key (PBKDF2)."),
                      QStringLiteral("U"), QStringLiteral("3")});
    parser.process(app);
    const int items = std::max(1, parser.value(QStringLiteral("items")).toInt());
    const int rounds = std::max(1, parser.value(QStringLiteral("rounds")).toInt());
    const int unwrapRounds = std::max(1, parser.value(QStringLiteral("unwrap-rounds")).toInt());

    Figures sha256, toJson;
    AlgorithmFigures ed, sm2;
    if (!measure(crypto::SignatureAlgorithm::Ed25519, items, rounds, unwrapRounds, ed, sha256, toJson) ||
        !measure(crypto::SignatureAlgorithm::Sm2Sm3, items, rounds, unwrapRounds, sm2, sha256, toJson))
        return 1;

    std::printf("bench_signoff: a batch of %d items, %d rounds (unwrap: %d), medians\n", items, rounds, unwrapRounds);
    const struct {
        const char* name;
        const AlgorithmFigures& f;
    } runs[] = {{"Ed25519", ed}, {"SM2-SM3", sm2}};
    for (const auto& run : runs) {
        std::printf("%s: %d canonical bytes, %d-byte signature\n", run.name, run.f.bytes, run.f.signatureBytes);
        print("build: batch object + canonical bytes", run.f.build);
        print("  of it, canonical bytes of the built object", run.f.canonical);
        print("unwrap the private key (PBKDF2, 1,000,000 iterations)", run.f.unwrap);
        print("sign the canonical bytes", run.f.sign);
        print("verify the signature", run.f.verify);
    }
    std::printf("baselines, same run (same bytes, same object; both algorithms' rounds):\n");
    print("SHA-256 of the canonical bytes", sha256);
    print("QJsonDocument::toJson(Compact) of the object", toJson);
    for (const auto& run : runs) {
        std::printf("ratios %s: canonical / toJson %.2fx; sign / SHA-256 %.1fx; verify / SHA-256 %.1fx; "
                    "unwrap / sign %.0fx\n",
                    run.name, run.f.canonical.median() / std::max(1e-6, toJson.median()),
                    run.f.sign.median() / std::max(1e-6, sha256.median()),
                    run.f.verify.median() / std::max(1e-6, sha256.median()),
                    run.f.unwrap.median() / std::max(1e-6, run.f.sign.median()));
        std::printf("targets %s (under 1 s each): build %s, sign %s, verify %s; with the unwrap, sign %s\n", run.name,
                    verdict(run.f.build.median()), verdict(run.f.sign.median()), verdict(run.f.verify.median()),
                    verdict(run.f.unwrap.median() + run.f.sign.median()));
    }
    return 0;
}
