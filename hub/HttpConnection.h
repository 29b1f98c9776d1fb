#pragma once

#include "HttpMessage.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>
#include <memory>

class QSslSocket;

namespace adm::hub {

// One client connection of the hub: the TLS handshake, HTTP/1.1 framing with Boost.Beast's request
// parser (fed the decrypted bytes; no Asio sockets), the idle timer and writing answers. Requests are
// taken one at a time: a pipelined request is parsed only once the one before it was answered, so
// answers go out in order. A request the parser refuses is answered here (400, 413, 431) with
// "Connection: close"; its bytes never reach a handler.
//
// Timing (all from Limits::idleTimeoutMs): the handshake must finish within it; a connection that
// waits for a request (after the handshake, or between keep-alive requests) is closed after it; a
// request head must arrive whole within it; a body may take longer as long as bytes keep coming
// (each chunk restarts the timer). While a handler has the request, the timer is stopped.
class HttpConnection : public QObject {
    Q_OBJECT

public:
    struct Limits {
        qint64 maxBodyBytes = 8 * 1024 * 1024;
        int idleTimeoutMs = 30000;
    };
    // Fixed limits of a request head: bytes (request line and fields) and number of fields.
    static constexpr int kHeadLimit = 16384;
    static constexpr int kMaxHeaderFields = 100;

    // Takes the accepted descriptor and starts the server-side handshake.
    HttpConnection(qintptr descriptor, const QSslConfiguration& tls, Limits limits, QObject* parent = nullptr);
    ~HttpConnection() override;

    bool isOpen() const { return m_state != State::Closed; }

    // Answers the request last given by requestReceived (exactly one of these per request): writes
    // the whole answer as it goes on the wire, then reads the next request, or closes when `close`.
    void reply(const QByteArray& wire, bool close);
    // Drops the connection at once, without an answer.
    void abort();

signals:
    // A whole request arrived (head and body within the limits).
    void requestReceived(const HttpRequest& request);
    // A request was refused by the framing rules; method and path (query masked) for the log line.
    void refused(const QString& method, const QString& path, int status);
    // The handshake failed (not for a client that simply went away).
    void handshakeFailed(const QString& why);
    // The connection is gone; emitted once. The owner deletes this object later.
    void closed();

private:
    enum class State {
        Handshake, // TLS handshake under way
        Reading,   // waiting for or reading a request
        Handling,  // a handler has the request; nothing more is read
        Draining,  // an error answer went out; the rest of the request is read and dropped
        Closing,   // the last answer is being flushed before the close
        Closed,
    };
    struct Parser;

    void onEncrypted();
    void onReadyRead();
    void onBytesWritten();
    void onTimeout();
    void onGone();
    void readRequests();
    void newParser();
    bool checkHead();
    void refuse(int status, const QString& code, const QString& message);
    void drain();
    void startTimer(int ms);

    QSslSocket* m_socket = nullptr;
    Limits m_limits;
    State m_state = State::Handshake;
    std::unique_ptr<Parser> m_parser;
    QTimer m_timer;
    QElapsedTimer m_drainStarted;
    qint64 m_drainRemaining = -1; // bytes of the refused request still to come; -1: unknown
    bool m_resumeQueued = false;
};

} // namespace adm::hub
