#include "HubClient.h"

#include "domain/JsonCodec.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QTimer>
#include <limits>
#include <memory>

namespace adm::sync {

namespace {

Error cancelledError()
{
    return Error{code::Cancelled, SyncText::tr("The sync was cancelled.")};
}

struct DeleteLater {
    void operator()(QObject* o) const
    {
        if (o)
            o->deleteLater();
    }
};

QString hostOf(const QUrl& url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

// The sign-in body, {"password": …, account, workstation}, built in secure storage: the password is
// JSON-escaped straight from its SecretBytes, never through a QJsonObject.
security::SecretBytes signInBody(const QJsonObject& rest, const security::SecretBytes& password)
{
    const QByteArray others = QJsonDocument(rest).toJson(QJsonDocument::Compact); // {"account":…}
    security::SecretBytes body;
    body.append(QByteArrayView("{\"password\":\""));
    for (qsizetype i = 0; i < password.size(); ++i) {
        const auto c = static_cast<unsigned char>(password.constData()[i]);
        if (c == '"' || c == '\\') {
            body.append('\\');
            body.append(char(c));
        } else if (c < 0x20) {
            static const char digits[] = "0123456789abcdef";
            const char escaped[] = {'\\', 'u', '0', '0', digits[c >> 4], digits[c & 0xf]};
            body.append(QByteArrayView(escaped, 6));
        } else {
            body.append(char(c)); // UTF-8 passes as it is
        }
    }
    body.append(QByteArrayView("\","));
    body.append(QByteArrayView(others).sliced(1));
    return body;
}

} // namespace

QString HubClient::Reply::errorCode() const
{
    return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

QString HubClient::Reply::errorMessage() const
{
    const QString m = json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
    return m.isEmpty() ? QStringLiteral("HTTP %1").arg(status) : m;
}

HubClient::HubClient(const Enrolment& enrolment, const SyncOptions& options, QObject* parent)
    : QObject(parent)
    , m_enrolment(enrolment)
    , m_options(options)
    , m_ssl(enrolment.sslConfiguration())
    , m_backoff(options.backoffBaseMs, options.backoffCapMs)
    , m_nam(new QNetworkAccessManager(this))
{
    // Never a cookie jar, a cache or a proxy found in the environment: only the enrolled hub.
    m_nam->setProxy(QNetworkProxy::NoProxy);
    m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
}

HubClient::~HubClient()
{
    forgetCredentials();
}

void HubClient::setCredentials(const QString& account, security::SecretBytes password)
{
    forgetCredentials();
    m_account = account;
    m_password = std::move(password);
}

void HubClient::setSession(const QString& account, HubSession session)
{
    forgetCredentials();
    m_account = account;
    m_token = std::move(session.token);
    m_signedIn = std::move(session.account);
}

HubSession HubClient::session() const
{
    HubSession s;
    if (!m_token.isEmpty()) {
        s.account = m_signedIn;
        s.token = m_token.clone();
    }
    return s;
}

void HubClient::forgetCredentials()
{
    m_password.clear(); // SecretBytes wipe as they go
    m_token.clear();
    m_signedIn = {};
    m_account.clear();
}

void HubClient::setRandom(Backoff::RandomFn random)
{
    m_backoff = Backoff(m_options.backoffBaseMs, m_options.backoffCapMs, std::move(random));
}

QByteArray HubClient::Query::encoded() const
{
    QByteArray out;
    for (const auto& [name, value] : items) {
        if (!out.isEmpty())
            out += '&';
        // toPercentEncoding leaves only A-Z a-z 0-9 - . _ ~ as they are: '+', '/', '=', '&', '%',
        // '?', '#', spaces and every byte of non-ASCII UTF-8 go as %XX.
        out += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return out;
}

QString HubClient::pathSegment(const QString& text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

QUrl HubClient::endpoint(const QString& path, const Query& query) const
{
    // Both parts are set in their encoded form, strictly, so that QUrl neither decodes a %2B back
    // into '+' nor encodes a '%' a second time (checked on the wire by tst_sync_independent).
    QUrl url = m_enrolment.hubUrl;
    url.setPath(url.path(QUrl::FullyEncoded) + path, QUrl::StrictMode);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query.encoded()), QUrl::StrictMode);
    return url;
}

void HubClient::setAnswering(bool answering)
{
    if (std::exchange(m_answering, answering) != answering)
        Q_EMIT this->answering(answering);
}

void HubClient::wake()
{
    QMetaObject::invokeMethod(this, &HubClient::quitWait, Qt::QueuedConnection);
}

void HubClient::quitWait()
{
    if (m_wait)
        m_wait->quit();
}

bool HubClient::sleep(int ms)
{
    if (cancelled())
        return false;
    bool fired = false;
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    connect(&timer, &QTimer::timeout, &loop, [&fired, &loop] {
        fired = true;
        loop.quit();
    });
    timer.start(ms);
    {
        WriterGate::LetGo letGo(m_gate);
        m_wait = &loop;
        loop.exec();
        m_wait = nullptr;
    }
    // Woken early (cancel, or the thread is stopping): stop here.
    return fired && !cancelled();
}

Error HubClient::describeTlsErrors(const QList<QSslError>& errors, const QUrl& url)
{
    auto has = [&errors](std::initializer_list<QSslError::SslError> kinds) -> const QSslError* {
        for (const QSslError& e : errors)
            for (QSslError::SslError k : kinds)
                if (e.error() == k)
                    return &e;
        return nullptr;
    };
    // The most telling problem first: a certificate from another authority says more than its dates.
    if (has({QSslError::SelfSignedCertificate, QSslError::SelfSignedCertificateInChain,
             QSslError::UnableToGetLocalIssuerCertificate, QSslError::UnableToGetIssuerCertificate,
             QSslError::UnableToVerifyFirstCertificate, QSslError::CertificateUntrusted, QSslError::CertificateRejected,
             QSslError::CertificateSignatureFailed}))
        return Error{
            code::TlsUntrusted,
            SyncText::tr("The city platform at %1 showed a certificate that the certificate authority trusted for it "
                         "(the CA file given "
                         "when the workstation was connected) did not sign, so the connection was refused. If "
                         "the city platform was set up again, an administrator connects the workstation again with the "
                         "city platform's new ca.pem (admissionsctl connect --hub URL --ca FILE); otherwise tell your "
                         "administrator: someone may be intercepting the connection.")
                .arg(hostOf(url))};
    if (const QSslError* e = has({QSslError::CertificateExpired}))
        return Error{
            code::TlsExpired,
            SyncText::tr(
                "The city platform's certificate expired on %1, so the connection was refused. Ask the city platform's "
                "administrator to renew it; also check that this computer's date is right.")
                .arg(json::formatTime(e->certificate().expiryDate()))};
    if (const QSslError* e = has({QSslError::CertificateNotYetValid}))
        return Error{
            code::TlsExpired,
            SyncText::tr(
                "The city platform's certificate is only valid from %1, so the connection was refused. Check this "
                "computer's date and time.")
                .arg(json::formatTime(e->certificate().effectiveDate()))};
    if (const QSslError* e = has({QSslError::HostNameMismatch})) {
        QStringList names = e->certificate().subjectAlternativeNames().values();
        names += e->certificate().subjectInfo(QSslCertificate::CommonName);
        names.removeDuplicates();
        return Error{
            code::TlsHostMismatch,
            SyncText::tr(
                "The city platform's certificate is made out to %1, not to %2, so the connection was refused. Connect "
                "with the address the certificate names, or ask the city platform's administrator for a certificate "
                "for this address.")
                .arg(names.join(QStringLiteral(", ")), url.host())};
    }
    QStringList texts;
    for (const QSslError& e : errors)
        texts += e.errorString();
    return Error{code::TlsFailed, SyncText::tr("The secure connection to the city platform at %1 failed (%2). The city "
                                               "platform must offer TLS 1.2 or later with "
                                               "a certificate from the enrolled authority; ask its administrator.")
                                      .arg(hostOf(url), texts.isEmpty() ? SyncText::tr("handshake refused")
                                                                        : texts.join(QStringLiteral("; ")))};
}

Error HubClient::transportError(QNetworkReply* reply, bool timedOut, const QList<QSslError>& sslErrors) const
{
    const QUrl url = m_enrolment.hubUrl;
    if (timedOut)
        return Error{code::Timeout,
                     SyncText::tr("The city platform at %1 did not answer within %2 s. The workstation will try again; "
                                  "if this goes on, check the network or ask the city platform's administrator.")
                         .arg(hostOf(url))
                         .arg(m_options.requestTimeoutMs / 1000.0)};
    switch (reply->error()) {
    case QNetworkReply::SslHandshakeFailedError:
        return describeTlsErrors(sslErrors, url);
    case QNetworkReply::HostNotFoundError:
        return Error{code::Unreachable,
                     SyncText::tr("The city platform's host name %1 cannot be found. Check the network connection "
                                  "and the city platform address; the workstation works on offline meanwhile.")
                         .arg(url.host())};
    case QNetworkReply::ConnectionRefusedError:
        return Error{code::Unreachable,
                     SyncText::tr("The city platform at %1 refused the connection: it may be stopped. The "
                                  "workstation works on offline and tries again later.")
                         .arg(hostOf(url))};
    case QNetworkReply::TooManyRedirectsError:
    case QNetworkReply::InsecureRedirectError:
        return Error{code::Refused,
                     SyncText::tr("The city platform at %1 sent the request elsewhere; the workstation does not follow "
                                  "redirections. Check the city platform address.")
                         .arg(hostOf(url))};
    default:
        break;
    }
    if (!sslErrors.isEmpty())
        return describeTlsErrors(sslErrors, url);
    return Error{code::Unreachable,
                 SyncText::tr("The connection to the city platform at %1 failed (%2). The workstation works on "
                              "offline and tries again later.")
                     .arg(hostOf(url), reply->errorString())};
}

Error HubClient::tooLargeError(const QString& path, qint64 maxBytes, qint64 announced)
{
    auto mb = [](qint64 bytes) { return QString::number(bytes / double(1 << 20), 'f', bytes % (1 << 20) ? 1 : 0); };
    if (announced >= 0)
        return Error{
            code::PageTooLarge,
            SyncText::tr("The city platform announced an answer of %1 MB to %2, more than the %3 MB this workstation "
                         "accepts, so it was not read. What earlier pages brought stays in the cache. Sync "
                         "with a smaller page size (admissionsctl sync --page-size) or a larger limit "
                         "(--max-page-mb); if it happens again, tell the city platform's administrator.")
                .arg(mb(announced), path, mb(maxBytes))};
    return Error{
        code::PageTooLarge,
        SyncText::tr("The city platform's answer to %1 grew past the %2 MB this workstation accepts, so the rest of "
                     "it was not read. What earlier pages brought stays in the cache. Sync with a smaller "
                     "page size (admissionsctl sync --page-size) or a larger limit (--max-page-mb); if it "
                     "happens again, tell the city platform's administrator.")
            .arg(path, mb(maxBytes))};
}

Result<HubClient::Reply> HubClient::exchange(const Request& request)
{
    if (cancelled())
        return cancelledError();
    if (m_enrolment.hubUrl.scheme() != QLatin1String("https")) // never, not even once, in clear text
        return Error{code::PlainHttp,
                     SyncText::tr("The city platform address is not HTTPS; nothing was sent. An administrator "
                                  "connects the workstation again with the city platform's https:// address.")};
    QNetworkRequest nr(endpoint(request.path, request.query));
    nr.setSslConfiguration(m_ssl);
    nr.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    nr.setAttribute(QNetworkRequest::CacheSaveControlAttribute, false);
    nr.setRawHeader("Accept", "application/json");
    nr.setHeader(QNetworkRequest::UserAgentHeader, QByteArray("admissions-workstation/" ADMISSIONS_VERSION));
    if (request.authenticated && !m_token.isEmpty()) { // Qt's copies of the header are not wiped (docs/security.md)
        QByteArray bearer("Bearer ");
        bearer.append(m_token.view());
        nr.setRawHeader("Authorization", bearer);
    }
    std::unique_ptr<QNetworkReply, DeleteLater> reply;
    QElapsedTimer onTheWire;
    onTheWire.start();
    if (request.method == "GET") {
        reply.reset(m_nam->get(nr));
    } else {
        nr.setHeader(QNetworkRequest::ContentTypeHeader, QByteArray("application/json"));
        // A secret body is lent in place (no copy of ours to leave behind); it outlives the reply's wait.
        const QByteArray payload =
            request.secretBody ? QByteArray::fromRawData(request.secretBody->constData(), request.secretBody->size())
                               : QJsonDocument(request.body).toJson(QJsonDocument::Compact);
        reply.reset(m_nam->sendCustomRequest(nr, request.method, payload));
    }

    QList<QSslError> sslErrors;
    bool timedOut = false;
    QEventLoop loop;
    QTimer idle; // restarted by every byte: a slow answer is fine, a silent one is not
    idle.setSingleShot(true);
    idle.setInterval(m_options.requestTimeoutMs);
    QNetworkReply* r = reply.get();
    r->setReadBufferSize(4 << 20); // Qt reads ahead at most this much; readyRead below drains it
    connect(r, &QNetworkReply::sslErrors, &loop, [&sslErrors](const QList<QSslError>& e) { sslErrors += e; });
    connect(r, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    connect(r, &QNetworkReply::downloadProgress, &idle, [&idle] { idle.start(); });
    connect(r, &QNetworkReply::uploadProgress, &idle, [&idle] { idle.start(); });
    connect(&idle, &QTimer::timeout, &loop, [this, &timedOut, r] {
        timedOut = true;
        setAnswering(false);
        r->abort();
    });
    // The body is bounded while it comes: refused as soon as its announced length, or what arrived,
    // is over the limit, and drained as it arrives, so the reply never holds more than a chunk.
    const qint64 maxBytes = m_options.maxPageBytes > 0 ? m_options.maxPageBytes : std::numeric_limits<qint64>::max();
    QByteArray body;
    qint64 announced = -1;
    bool tooLarge = false;
    connect(r, &QNetworkReply::metaDataChanged, &loop, [&] {
        const QVariant length = r->header(QNetworkRequest::ContentLengthHeader);
        if (!tooLarge && length.isValid() && length.toLongLong() > maxBytes) {
            announced = length.toLongLong();
            tooLarge = true;
            r->abort();
        } else if (length.isValid()) {
            body.reserve(length.toLongLong()); // one allocation rather than doubling up to it
        }
    });
    connect(r, &QNetworkReply::readyRead, &loop, [&] {
        if (tooLarge)
            return;
        body += r->readAll();
        if (body.size() > maxBytes) {
            tooLarge = true;
            r->abort();
        }
    });
    idle.start();
    if (!r->isFinished()) {
        WriterGate::LetGo letGo(m_gate);
        m_wait = &loop;
        loop.exec();
        m_wait = nullptr;
    }
    ++m_counters.requests;
    m_counters.networkNs += onTheWire.nsecsElapsed();
    if (tooLarge) {
        m_counters.bytesReceived += body.size();
        qCWarning(lcSync) << "answer to" << request.path << "over" << maxBytes << "bytes; announced" << announced
                          << "received" << body.size();
        return tooLargeError(request.path, maxBytes, announced);
    }
    if (!r->isFinished()) { // woken: cancelled, or the thread is stopping
        r->abort();
        return cancelledError();
    }

    const QNetworkReply::NetworkError error = r->error();
    const QVariant statusAttr = r->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    // Transport (1-99) and proxy (101-199) errors: whatever status came, the body is not whole.
    if (timedOut || (error > 0 && error < 200) || !statusAttr.isValid()) {
        if (!timedOut && error == QNetworkReply::NoError)
            return Error{code::BadReply, SyncText::tr("The city platform's answer was not HTTP.")};
        return transportError(r, timedOut, sslErrors);
    }
    setAnswering(true);
    Reply out;
    out.status = statusAttr.toInt();
    out.retryAfterSeconds = Backoff::parseRetryAfter(r->rawHeader("Retry-After"), QDateTime::currentDateTimeUtc());
    QElapsedTimer parsing;
    parsing.start();
    body += r->readAll();
    if (body.size() > maxBytes) // the last piece came with finished()
        return tooLargeError(request.path, maxBytes, -1);
    m_counters.bytesReceived += body.size();
    if (!body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
        m_counters.parseNs += parsing.nsecsElapsed();
        if (parseError.error == QJsonParseError::NoError && doc.isObject()) {
            out.json = doc.object();
            out.body = body;
        } else if (out.isSuccess())
            return Error{code::BadReply, SyncText::tr("The city platform's answer to %1 was not valid JSON (%2 bytes).")
                                             .arg(request.path)
                                             .arg(body.size())};
    }
    return out;
}

Result<HubClient::Reply> HubClient::callWithRetries(const Request& request, bool renewSession)
{
    bool renewed = false;
    Error last{code::Unreachable, SyncText::tr("The city platform could not be reached.")};
    const int attempts = std::max(1, m_options.maxAttempts);
    for (int attempt = 1; attempt <= attempts; ++attempt) {
        // An expired session is noticed by its 401 (clocks may differ; the hub's word counts).
        if (renewSession && m_token.isEmpty()) {
            if (auto s = signIn(); !s)
                return s.error();
        }
        std::optional<int> retryAfter;
        auto r = exchange(request);
        if (!r) {
            if (!isTransient(r.error().code))
                return r.error();
            last = r.error();
        } else if (r->status == 401 && renewSession) {
            dropToken();
            if (renewed)
                return Error{code::SignInRefused,
                             SyncText::tr("The city platform refused the session right after a new sign-in (%1). "
                                          "Ask the city platform's administrator to check the account.")
                                 .arg(r->errorMessage())};
            // The session ended (expired, revoked, the hub restarted). The password went when the
            // sign-in succeeded, so nothing here can renew it: the person is asked again.
            if (m_password.isEmpty())
                return Error{
                    code::SignInNeeded,
                    SyncText::tr(
                        "The city platform ended the session of %1. Sign in to the city platform again with its "
                        "password to go on syncing.")
                        .arg(m_account)};
            renewed = true; // a password not used yet: sign in once, without using up an attempt
            --attempt;
            continue;
        } else if (r->status == 429 || r->status >= 500) {
            last = Error{code::Busy,
                         SyncText::tr("The city platform is busy or failing (HTTP %1: %2). The next sync tries again.")
                             .arg(r->status)
                             .arg(r->errorMessage())};
            retryAfter = r->retryAfterSeconds;
        } else {
            return r;
        }
        if (attempt == attempts)
            break;
        const auto delay = m_backoff.delayMs(attempt, retryAfter, m_options.maxRetryAfterSeconds);
        if (!delay)
            return Error{
                code::Busy,
                SyncText::tr("The city platform asked to wait %1 s before trying again; the next sync will try.")
                    .arg(retryAfter.value_or(0))};
        qCInfo(lcSync) << "retry" << request.method << request.path << "attempt" << attempt + 1 << "in" << *delay
                       << "ms after" << last.code;
        Q_EMIT retrying(attempt, *delay, last.message);
        if (!sleep(*delay))
            return cancelledError();
    }
    return last;
}

Result<HubClient::Reply> HubClient::call(const Request& request)
{
    return callWithRetries(request, request.authenticated);
}

Result<HubClient::Reply> HubClient::probe()
{
    Request request;
    request.path = QStringLiteral("api/v1/changes");
    request.query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    request.authenticated = false;
    return exchange(request);
}

Result<HubAccount> HubClient::signIn()
{
    if (m_account.isEmpty())
        return Error{code::NoAccount,
                     SyncText::tr("No city platform account is set for this user. Sign in once with: admissionsctl "
                                  "login --account ACCOUNT")};
    if (m_password.isEmpty())
        return Error{code::SignInNeeded,
                     SyncText::tr("The city platform needs the password of %1 again to sign in.").arg(m_account)};
    dropToken();
    Request request;
    request.method = "POST";
    request.path = QStringLiteral("api/v1/sessions");
    request.authenticated = false;
    const security::SecretBytes body =
        signInBody(QJsonObject{{QStringLiteral("account"), m_account},
                               {QStringLiteral("workstation"),
                                QJsonObject{{QStringLiteral("id"), m_enrolment.workstationId},
                                            {QStringLiteral("name"), m_enrolment.workstationName}}}},
                   m_password);
    request.secretBody = &body;
    auto r = callWithRetries(request, false);
    if (!r)
        return r.error();
    if (r->status == 401 || r->status == 403)
        return Error{code::SignInRefused,
                     SyncText::tr("The city platform refused the sign-in of %1 (%2). Check the account name and "
                                  "the password.")
                         .arg(m_account, r->errorMessage())};
    if (!r->isSuccess())
        return Error{code::Refused, SyncText::tr("The city platform refused the sign-in of %1 (HTTP %2: %3).")
                                        .arg(m_account)
                                        .arg(r->status)
                                        .arg(r->errorMessage())};
    // Qt's JSON objects of the answer held the token on its way in; from here on it is a SecretBytes.
    security::SecretBytes token(r->json.value(QStringLiteral("token")).toString());
    if (token.isEmpty())
        return Error{code::BadReply, SyncText::tr("The city platform's answer to the sign-in holds no token.")};
    const QJsonObject a = r->json.value(QStringLiteral("account")).toObject();
    HubAccount account;
    account.id = a.value(QStringLiteral("id")).toString(m_account);
    account.displayName = a.value(QStringLiteral("display_name")).toString();
    for (const QJsonValue& v : a.value(QStringLiteral("roles")).toArray())
        account.roles += v.toString();
    account.districtCode = a.value(QStringLiteral("district_code")).toString();
    for (const QJsonValue& v : a.value(QStringLiteral("school_ids")).toArray())
        account.schoolIds += v.toString();
    account.expiresAt = json::parseTime(r->json.value(QStringLiteral("expires_at")).toString());
    m_token = std::move(token);
    m_signedIn = account;
    m_password.clear(); // signed in: the session token is kept, the password goes
    qCInfo(lcSync) << "signed in; session until" << account.expiresAt;
    return account;
}

} // namespace adm::sync
