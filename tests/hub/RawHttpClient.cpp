#include "RawHttpClient.h"

#include <QJsonDocument>

RawHttpClient::RawHttpClient(quint16 port, const QSslConfiguration& tls, Mode mode)
    : m_socket(std::make_unique<QSslSocket>())
{
    QSslSocket* socket = m_socket.get();
    QObject::connect(socket, &QIODevice::readyRead, socket, [this] { m_in += m_socket->readAll(); });
    QObject::connect(socket, &QAbstractSocket::stateChanged, socket, [this](QAbstractSocket::SocketState state) {
        if (state == QAbstractSocket::UnconnectedState) {
            m_in += m_socket->readAll();
            m_closed = true;
        }
    });
    if (mode == Mode::Tls) {
        socket->setSslConfiguration(tls);
        socket->connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    } else {
        socket->connectToHost(QStringLiteral("127.0.0.1"), port);
    }
}

RawHttpClient::~RawHttpClient()
{
    QObject::disconnect(m_socket.get(), nullptr, nullptr, nullptr);
    m_socket->abort();
}

QByteArray RawHttpClient::request(const QByteArray& method, const QByteArray& path, const QByteArray& body,
                                  const QByteArray& extraHeaders)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extraHeaders;
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    return out + "\r\n" + body;
}

QList<RawHttpClient::Response> RawHttpClient::responses() const
{
    QList<Response> out;
    qsizetype at = 0;
    for (;;) {
        const qsizetype end = m_in.indexOf("\r\n\r\n", at);
        if (end < 0)
            return out;
        Response r;
        r.head = m_in.mid(at, end - at);
        const QList<QByteArray> statusLine = r.head.left(r.head.indexOf("\r\n")).split(' ');
        r.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : -1;
        qint64 length = 0;
        for (const QByteArray& line : r.head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (r.status == 100) { // an interim answer: no body
            at = end + 4;
            continue;
        }
        if (m_in.size() < end + 4 + length)
            return out;
        r.body = m_in.mid(end + 4, length);
        out.append(r);
        at = end + 4 + length;
    }
}

QJsonObject RawHttpClient::Response::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString RawHttpClient::Response::errorCode() const
{
    return json().value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
}

bool RawHttpClient::Response::closes() const
{
    return head.toLower().contains("\r\nconnection: close");
}
