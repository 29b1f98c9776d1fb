#pragma once

#include "Hub.h"
#include "HubOptions.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <memory>

// A hub running in this process on a loopback port chosen by the system, with a fresh data folder,
// and an HTTPS client that trusts only the CA the hub made (its ca.pem), as a workstation would.
class HubFixture {
public:
    enum class City { Fixture, Generated };

    struct Reply {
        int status = 0; // 0: no HTTP answer (see error)
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QString errorText;
        QByteArray body;
        QJsonObject json; // empty unless the body is a JSON object
        bool jsonOk = false;
        QByteArray retryAfter;
        qint64 ms = 0;

        QString errorCode() const
        {
            return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toString();
        }
        QString errorMessage() const
        {
            return json.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString();
        }
        QJsonObject result(int i = 0) const { return json.value(QStringLiteral("results")).toArray().at(i).toObject(); }
    };

    // The fixture city (shared/fixtures, 9 applications in two schools) or a generated one.
    explicit HubFixture(City city = City::Fixture, int applications = 300);
    ~HubFixture();

    // Options to change before start(); dataDir, port and city are filled in.
    adm::hub::HubOptions options;

    bool start();
    void stop();
    // Talks to a hub running elsewhere (the real program), enrolled with DIR/ca.pem and DIR/accounts.json.
    bool attach(const QString& url, const QString& hubDataDir);
    adm::hub::Hub& hub() { return *m_hub; }
    QString dataDir() const { return m_dir.path() + QStringLiteral("/hub"); }
    QString url() const { return m_url; }

    // accounts.json
    QJsonArray accounts() const { return m_accounts; }
    QJsonObject account(const QString& id) const;
    // The first account with this role (and, when given, this school).
    QString accountWithRole(const QString& role, const QString& school = {}) const;
    QString password(const QString& id) const { return account(id).value(QStringLiteral("password")).toString(); }

    // Signs in (workstation "ws-<account>" unless given) and returns the token, or an empty string.
    QString login(const QString& accountId, const QString& workstation = {});

    Reply get(const QString& pathAndQuery, const QString& token = {}, int timeoutMs = 30000);
    Reply post(const QString& path, const QJsonObject& body, const QString& token = {}, int timeoutMs = 30000);
    Reply send(const QByteArray& method, const QString& pathAndQuery, const QByteArray& body, const QString& token = {},
               int timeoutMs = 30000);

    // One request on a fresh TLS connection of its own, without QNetworkAccessManager (which quietly
    // sends a request again when a reused connection drops before the answer). What came back, if
    // anything, and whether the hub closed the connection.
    struct RawReply {
        QByteArray bytes;
        bool closed = false;
    };
    RawReply raw(const QByteArray& method, const QString& path, const QByteArray& body, const QString& token,
                 int timeoutMs = 10000);

    // Every change the account sees, pulled in pages of `limit`.
    QList<QJsonObject> pullAll(const QString& token, int limit = 5000, QString* cursor = nullptr);

    QSslConfiguration clientTls() const;

private:
    City m_city;
    int m_applications;
    QTemporaryDir m_dir;
    std::unique_ptr<adm::hub::Hub> m_hub;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    QString m_url;
    QString m_caPath;
    quint16 m_port = 0;
    QJsonArray m_accounts;
};

// A fresh UUID-like idempotency key.
QString newKey();
