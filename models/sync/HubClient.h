#pragma once

#include "Backoff.h"
#include "Enrolment.h"
#include "SyncTypes.h"
#include "WriterGate.h"
#include "domain/Result.h"
#include "security/SecretBytes.h"

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QSslError>
#include <QStringList>
#include <functional>
#include <optional>
#include <utility>

class QEventLoop;
class QNetworkAccessManager;
class QNetworkReply;

namespace adm::sync {

// The account a session belongs to (POST /api/v1/sessions). Staff data: never logged.
struct HubAccount {
    QString id;
    QString displayName;
    QStringList roles;
    QString districtCode;
    QStringList schoolIds;
    QDateTime expiresAt;
};

// A session the hub granted: its bearer token (a secret, in secure storage) and the account it is
// for. Move-only, like its token.
struct HubSession {
    HubAccount account;
    security::SecretBytes token;
    bool isEmpty() const { return token.isEmpty(); }
};

// The transport to one enrolled hub: HTTPS with the enrolled CA only, JSON in and out, the session
// token, retries with backoff. Calls block: each one waits for its answer in a local event loop,
// so the pass above reads like the protocol. That loop is not shared: a client lives in, and is used
// only from, a thread that does nothing else (the pass thread of SyncEngine, a worker of a sign-in),
// so no other work can run inside its waits. It owns its QNetworkAccessManager; wake() may be
// called from anywhere.
class HubClient : public QObject {
    Q_OBJECT
public:
    // Query items as plain text (a cursor exactly as the hub sent it). endpoint() percent-encodes
    // every byte outside RFC 3986's unreserved set; QUrlQuery would leave '+', '=' and others as
    // they are, and servers read a '+' in a query as a space.
    struct Query {
        QList<std::pair<QString, QString>> items;
        void addQueryItem(const QString& name, const QString& value) { items.append({name, value}); }
        bool isEmpty() const { return items.isEmpty(); }
        QByteArray encoded() const; // name=value&... (UTF-8, percent-encoded)
    };

    struct Request {
        QByteArray method = "GET";
        QString path; // relative to the hub URL, already encoded, e.g. "api/v1/changes"; see pathSegment()
        Query query;
        QJsonObject body; // sent (compact JSON) unless the method is GET
        // Sent instead of `body` when set (the sign-in, which holds the password); read in place, so it
        // must outlive the call.
        const security::SecretBytes* secretBody = nullptr;
        bool authenticated = true;
    };

    struct Reply {
        int status = 0;
        QJsonObject json; // the parsed body; empty when there was none
        QByteArray body;  // the body as it came (a pull stores its changes' data text as sent)
        std::optional<int> retryAfterSeconds;
        bool isSuccess() const { return status >= 200 && status < 300; }
        // {"error": {"code", "message"}} of an error answer.
        QString errorCode() const;
        QString errorMessage() const;
    };

    HubClient(const Enrolment& enrolment, const SyncOptions& options, QObject* parent = nullptr);
    ~HubClient() override;

    // The password is kept only until a sign-in succeeds, then wiped; never on disk. Afterwards the
    // session token alone is kept: when the hub ends the session (401) the call fails with
    // "sign_in_needed" and the owner asks the person for the password again.
    void setCredentials(const QString& account, security::SecretBytes password);
    // A session kept from an earlier sign-in (the cache keeps it, encrypted); used until a 401.
    void setSession(const QString& account, HubSession session);
    QString account() const { return m_account; }
    bool hasPassword() const { return !m_password.isEmpty(); }
    void forgetCredentials();
    // Asked before and after every wait; true ends the call with code "cancelled".
    void setCancelCheck(std::function<bool()> cancelled) { m_cancelCheck = std::move(cancelled); }
    void setRandom(Backoff::RandomFn random);
    // Let go while waiting for an answer or a retry, so that jobs may use the writer meanwhile.
    void setWriterGate(WriterGate* gate) { m_gate = gate; }

    // POST /api/v1/sessions. "sign_in_refused" for a wrong account or password, "sign_in_needed"
    // when there is no password (any more) to sign in with.
    Result<HubAccount> signIn();
    bool isSignedIn() const { return !m_token.isEmpty(); }
    const HubAccount& signedInAccount() const { return m_signedIn; }
    // The current session, its token copied, to keep in the cache; empty when not signed in.
    HubSession session() const;
    void dropToken()
    {
        m_token.clear();
        m_signedIn = {};
    }

    // One round trip, no retry. TLS refusals and transport failures are errors; any HTTP status is
    // a Reply. A 2xx whose body is not a JSON object is "hub_bad_reply".
    Result<Reply> exchange(const Request& request);
    // Retries network failures, timeouts, bad bodies, 5xx and 429 (honouring Retry-After) with
    // backoff. On 401 the token is dropped and the call ends with "sign_in_needed", unless a password
    // not yet used for a sign-in is at hand (then it signs in once and repeats). Any other status
    // is returned to the caller.
    Result<Reply> call(const Request& request);
    // For enrolment: a TLS handshake and any HTTP answer (GET api/v1/changes without a token).
    Result<Reply> probe();

    // Thread-safe: ends the current wait early; the call then checks its cancel function.
    void wake();

    // What exchange() did since this client was made, for SyncTimings: round trips, answer bytes,
    // nanoseconds from sending a request to its last byte, and nanoseconds reading answers' JSON.
    struct Counters {
        qint64 requests = 0;
        qint64 bytesReceived = 0;
        qint64 networkNs = 0;
        qint64 parseNs = 0;
    };
    const Counters& counters() const { return m_counters; }

    QUrl endpoint(const QString& path, const Query& query = {}) const;
    // One path segment made of any text (a signing key's id), percent-encoded in full ('/' too).
    static QString pathSegment(const QString& text);
    // A sentence saying what is wrong with the hub's certificate and what to do.
    static Error describeTlsErrors(const QList<QSslError>& errors, const QUrl& url);

Q_SIGNALS:
    // Before a wait: which retry comes, after how long, and why.
    void retrying(int attempt, int delayMs, const QString& reason);
    // The hub stopped answering (a request waited past its timeout) or answers again (an HTTP
    // answer came). Sent on a change only.
    void answering(bool answering);

private:
    Result<Reply> callWithRetries(const Request& request, bool renewSession);
    bool cancelled() const { return m_cancelCheck && m_cancelCheck(); }
    bool sleep(int ms);
    void quitWait();
    static Error tooLargeError(const QString& path, qint64 maxBytes, qint64 announced);
    Error transportError(QNetworkReply* reply, bool timedOut, const QList<QSslError>& sslErrors) const;

    Enrolment m_enrolment;
    SyncOptions m_options;
    QSslConfiguration m_ssl;
    Backoff m_backoff;
    QNetworkAccessManager* m_nam = nullptr;
    QString m_account;
    security::SecretBytes m_password;
    security::SecretBytes m_token;
    HubAccount m_signedIn;
    std::function<bool()> m_cancelCheck;
    QEventLoop* m_wait = nullptr;
    WriterGate* m_gate = nullptr;
    bool m_answering = true;
    void setAnswering(bool answering);
    Counters m_counters;
};

} // namespace adm::sync
