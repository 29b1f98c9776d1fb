#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QSslConfiguration>
#include <QSslSocket>
#include <memory>

// A client that writes bytes of its own choosing to the hub over TLS (or plain TCP, to stall in the
// handshake) and collects what comes back. It never blocks: the hub runs on the same thread, so tests
// wait with QTRY_* on encrypted(), responses() and closed().
class RawHttpClient {
public:
    struct Response {
        int status = 0;
        QByteArray head; // status line and header fields
        QByteArray body;

        QJsonObject json() const;
        QString errorCode() const;
        bool closes() const; // the answer says "Connection: close"
    };

    enum class Mode { Tls, PlainTcp };
    RawHttpClient(quint16 port, const QSslConfiguration& tls, Mode mode = Mode::Tls);
    ~RawHttpClient();

    bool encrypted() const { return m_socket->isEncrypted(); }
    bool connected() const { return m_socket->state() == QAbstractSocket::ConnectedState; }
    // The connection went from open to closed (by the hub, since this client never closes it).
    bool closed() const { return m_closed; }
    void write(const QByteArray& bytes) { m_socket->write(bytes); }
    // The complete answers received so far, in order.
    QList<Response> responses() const;
    QByteArray received() const { return m_in; }

    // "GET /path HTTP/1.1" with Host and, when given, a JSON body with its Content-Length.
    static QByteArray request(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
                              const QByteArray& extraHeaders = {});

private:
    std::unique_ptr<QSslSocket> m_socket;
    QByteArray m_in;
    bool m_closed = false;
};
