#include "HttpConnection.h"

#include <QSslSocket>
#include <QUrl>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/core/string.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/vector_body.hpp>
#include <iterator>
#include <optional>

namespace adm::hub {

namespace http = boost::beast::http;

namespace {

constexpr qint64 kReadSlice = 16384;
// Bytes a pipelining client may have buffered while its request is being answered.
constexpr qint64 kSocketBuffer = 1024 * 1024;
// After an error answer: close once the client is quiet this long, and at the latest after kDrainMax.
constexpr int kDrainQuietMs = 500;
constexpr int kDrainMaxMs = 5000;

QByteArray bytesOf(boost::beast::string_view s)
{
    return QByteArray(s.data(), qsizetype(s.size()));
}

// Method and path of a request line for the log: bounded, the query masked (it may carry an ID number).
QPair<QString, QString> forLog(QByteArray method, QByteArray target)
{
    if (method.isEmpty())
        return {QStringLiteral("?"), QStringLiteral("?")};
    if (const qsizetype q = target.indexOf('?'); q >= 0)
        target = target.left(q) + "?…";
    return {QString::fromLatin1(method.left(16)), QString::fromUtf8(target.left(200))};
}

} // namespace

struct HttpConnection::Parser {
    std::optional<http::request_parser<http::vector_body<char>>> parser; // one per request
    boost::beast::flat_buffer buffer; // bytes read and not yet parsed; kept from one request to the next
    bool needMore = true;             // the parser wants more bytes than the buffer holds
    QByteArray authorization;         // as the head gave it
};

HttpConnection::HttpConnection(qintptr descriptor, const QSslConfiguration& tls, Limits limits, QObject* parent)
    : QObject(parent)
    , m_socket(new QSslSocket(this))
    , m_limits(limits)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    if (!m_socket->setSocketDescriptor(descriptor)) {
        m_state = State::Closed;
        return;
    }
    m_socket->setReadBufferSize(kSocketBuffer);
    connect(m_socket, &QSslSocket::encrypted, this, &HttpConnection::onEncrypted);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QAbstractSocket::disconnected, this, &HttpConnection::onGone);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, [this](QAbstractSocket::SocketError error) {
        if (m_state == State::Handshake && error != QAbstractSocket::RemoteHostClosedError)
            emit handshakeFailed(m_socket->errorString());
        m_socket->abort();
        onGone();
    });
    newParser();
    // The handshake is bounded like everything else: a client that connects and stays silent goes.
    startTimer(m_limits.idleTimeoutMs);
    m_socket->setSslConfiguration(tls);
    m_socket->startServerEncryption();
}

HttpConnection::~HttpConnection()
{
    // No signal of the dying socket may reach this half-destroyed object.
    disconnect(m_socket, nullptr, this, nullptr);
    m_socket->abort();
}

void HttpConnection::newParser()
{
    if (!m_parser)
        m_parser = std::make_unique<Parser>();
    auto& parser = m_parser->parser.emplace();
    m_parser->authorization.clear();
    parser.header_limit(kHeadLimit);
    parser.body_limit(std::uint64_t(m_limits.maxBodyBytes));
    m_parser->needMore = m_parser->buffer.size() == 0;
}

void HttpConnection::startTimer(int ms)
{
    m_timer.start(ms);
}

void HttpConnection::onEncrypted()
{
    if (m_state != State::Handshake)
        return;
    m_state = State::Reading;
    startTimer(m_limits.idleTimeoutMs);
    readRequests();
}

void HttpConnection::onReadyRead()
{
    switch (m_state) {
    case State::Reading:
        if (!m_resumeQueued)
            readRequests();
        break;
    case State::Draining:
        drain();
        break;
    case State::Closing:
        (void)m_socket->readAll();
        break;
    case State::Handshake:
    case State::Handling: // read once the answer is out (the socket's buffer is bounded)
    case State::Closed:
        break;
    }
}

void HttpConnection::onBytesWritten()
{
    // A client that reads a long answer is not idle.
    if (m_state == State::Reading || m_state == State::Closing)
        startTimer(m_limits.idleTimeoutMs);
}

void HttpConnection::onTimeout()
{
    switch (m_state) {
    case State::Draining:
        m_state = State::Closing;
        m_socket->disconnectFromHost();
        if (m_state == State::Closing)
            startTimer(m_limits.idleTimeoutMs);
        break;
    case State::Handshake:
    case State::Reading:
    case State::Closing:
        abort();
        break;
    case State::Handling:
    case State::Closed:
        break;
    }
}

void HttpConnection::onGone()
{
    if (m_state == State::Closed)
        return;
    m_state = State::Closed;
    m_timer.stop();
    emit closed();
}

void HttpConnection::abort()
{
    if (m_state == State::Closed)
        return;
    m_socket->abort();
    onGone();
}

void HttpConnection::reply(const QByteArray& wire, bool close)
{
    if (m_state != State::Handling)
        return;
    m_socket->write(wire);
    if (close) {
        m_state = State::Closing;
        m_socket->disconnectFromHost(); // after the answer is flushed
        if (m_state == State::Closing)
            startTimer(m_limits.idleTimeoutMs);
        return;
    }
    m_state = State::Reading;
    newParser();
    startTimer(m_limits.idleTimeoutMs);
    // A pipelined request may already wait in the socket; read it from the event loop, not from
    // inside the handler that is answering now.
    m_resumeQueued = true;
    QMetaObject::invokeMethod(this, &HttpConnection::readRequests, Qt::QueuedConnection);
}

void HttpConnection::readRequests()
{
    m_resumeQueued = false;
    while (m_state == State::Reading) {
        Parser& p = *m_parser;
        if (p.needMore || p.buffer.size() == 0) {
            const qint64 want = std::min(m_socket->bytesAvailable(), kReadSlice);
            if (want <= 0)
                return;
            const auto space = p.buffer.prepare(std::size_t(want));
            const qint64 got = m_socket->read(static_cast<char*>(space.data()), want);
            if (got <= 0)
                return;
            p.buffer.commit(std::size_t(got));
            p.needMore = false;
        }
        const bool headWasDone = p.parser->is_header_done();
        boost::beast::error_code ec;
        const std::size_t used = p.parser->put(p.buffer.data(), ec);
        p.buffer.consume(used);
        if (ec == http::error::need_more || (!ec && used == 0 && !p.parser->is_done())) {
            // Beast bounds the head itself, but leaves a chunk line and the trailer to the caller.
            if (p.parser->is_header_done() && p.buffer.size() >= std::size_t(kHeadLimit)) {
                refuse(400, QStringLiteral("bad_request"),
                       QStringLiteral("a chunk line or the trailer is longer than %1 bytes").arg(kHeadLimit));
                return;
            }
            p.needMore = true;
            continue;
        }
        if (ec == http::error::header_limit) {
            refuse(431, QStringLiteral("headers_too_large"),
                   QStringLiteral("the request head is longer than %1 bytes").arg(kHeadLimit));
            return;
        }
        if (ec == http::error::body_limit) {
            refuse(413, QStringLiteral("body_too_large"),
                   QStringLiteral("the request body is larger than %1 bytes; send less at once")
                       .arg(m_limits.maxBodyBytes));
            return;
        }
        if (ec == http::error::bad_content_length) {
            refuse(400, QStringLiteral("bad_content_length"),
                   QStringLiteral("Content-Length must be given once, as one whole number of bytes"));
            return;
        }
        if (ec == http::error::bad_transfer_encoding) {
            refuse(400, QStringLiteral("bad_transfer_encoding"),
                   QStringLiteral("Transfer-Encoding must be \"chunked\" alone, without a Content-Length"));
            return;
        }
        if (ec) {
            refuse(400, QStringLiteral("bad_request"),
                   QStringLiteral("the request is not well-formed HTTP/1.1: %1")
                       .arg(QString::fromStdString(ec.message())));
            return;
        }
        if (!headWasDone && p.parser->is_header_done() && !checkHead())
            return;
        if (headWasDone && used > 0)
            startTimer(m_limits.idleTimeoutMs); // the body is coming: not idle
        if (p.parser->is_done()) {
            const auto& message = p.parser->get();
            HttpRequest request;
            request.method = QString::fromLatin1(bytesOf(message.method_string()));
            const QUrl url = QUrl::fromEncoded("https://hub" + bytesOf(message.target()));
            request.path = url.path();
            request.query = QUrlQuery(url);
            request.body = QByteArray(message.body().data(), qsizetype(message.body().size()));
            request.authorization = p.authorization; // from the head, never from a trailer
            request.closeAfter = !p.parser->keep_alive();
            m_state = State::Handling;
            m_timer.stop();
            emit requestReceived(request);
            return; // reply() resumes reading
        }
    }
}

bool HttpConnection::checkHead()
{
    const auto& message = m_parser->parser->get();
    if (std::distance(message.begin(), message.end()) > kMaxHeaderFields) {
        refuse(431, QStringLiteral("headers_too_large"),
               QStringLiteral("the request has more than %1 header fields").arg(kMaxHeaderFields));
        return false;
    }
    // Origin form only ("/api/v1/..."): anything else would be read by QUrl as a host or user name.
    if (!message.target().starts_with('/')) {
        refuse(400, QStringLiteral("bad_request"),
               QStringLiteral("the request target must be a path such as /api/v1/health"));
        return false;
    }
    // Beast takes repeated equal Content-Length values (RFC 7230 allows a recipient to); the hub does
    // not: two lengths are what request smuggling is made of.
    if (message.count(http::field::content_length) > 1 ||
        message[http::field::content_length].find(',') != boost::beast::string_view::npos) {
        refuse(400, QStringLiteral("bad_content_length"),
               QStringLiteral("Content-Length must be given once, as one whole number of bytes"));
        return false;
    }
    // Only "chunked", which Beast decodes. Any other coding would leave its body to be read as the
    // next request.
    if (message.count(http::field::transfer_encoding) > 1 ||
        (message.count(http::field::transfer_encoding) == 1 &&
         !boost::beast::iequals(message[http::field::transfer_encoding], "chunked"))) {
        refuse(400, QStringLiteral("bad_transfer_encoding"),
               QStringLiteral("Transfer-Encoding must be \"chunked\" alone, without a Content-Length"));
        return false;
    }
    m_parser->authorization = bytesOf(message[http::field::authorization]);
    if (!m_parser->parser->is_done() && boost::beast::iequals(message[http::field::expect], "100-continue"))
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

void HttpConnection::refuse(int status, const QString& code, const QString& message)
{
    const auto& parser = *m_parser->parser;
    QPair<QString, QString> line;
    if (!parser.get().target().empty()) {
        line = forLog(bytesOf(parser.get().method_string()), bytesOf(parser.get().target()));
    } else {
        // The head was not parsed: take the request line from the raw bytes, as far as it goes.
        const auto data = m_parser->buffer.data();
        const QByteArray raw(static_cast<const char*>(data.data()), qsizetype(std::min<std::size_t>(data.size(), 512)));
        const QList<QByteArray> parts = raw.left(raw.indexOf('\r')).split(' ');
        line = parts.size() >= 2 ? forLog(parts.at(0), parts.at(1)) : forLog({}, {});
    }
    emit refused(line.first, line.second, status);

    // What the client said it would send, so that the close follows its last byte (and the client
    // reads the answer rather than a reset).
    m_drainRemaining = -1;
    if (status == 413) {
        const auto length = parser.get()[http::field::content_length];
        bool ok = false;
        const qint64 n = QByteArray(length.data(), qsizetype(length.size())).toLongLong(&ok);
        if (ok)
            m_drainRemaining = n;
    }
    m_socket->write(HttpReply::error(status, code, message).serialize(true));
    m_parser->buffer.clear();
    m_state = State::Draining;
    m_drainStarted.start();
    drain();
}

void HttpConnection::drain()
{
    const qint64 dropped = m_socket->readAll().size();
    if (m_drainRemaining > 0)
        m_drainRemaining = std::max<qint64>(0, m_drainRemaining - dropped);
    const qint64 left = std::min(kDrainMaxMs, m_limits.idleTimeoutMs) - m_drainStarted.elapsed();
    if (m_drainRemaining == 0 || left <= 0) {
        onTimeout(); // closes after the answer is flushed
        return;
    }
    startTimer(int(std::min<qint64>(kDrainQuietMs, left)));
}

} // namespace adm::hub
