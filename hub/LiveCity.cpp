#include "LiveCity.h"

#include "CityRepository.h"
#include "DecisionsApi.h"
#include "HubContext.h"
#include "HubLog.h"
#include "HubStorage.h"
#include "domain/IdNumber.h"
#include "domain/JsonCodec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>

namespace adm::hub {

namespace {

const QStringList kGivenNames = {QStringLiteral("子涵"), QStringLiteral("浩然"), QStringLiteral("一诺"),
                                 QStringLiteral("梓萱"), QStringLiteral("宇轩"), QStringLiteral("欣怡"),
                                 QStringLiteral("沐阳"), QStringLiteral("诗琪"), QStringLiteral("俊熙"),
                                 QStringLiteral("若汐"), QStringLiteral("思远"), QStringLiteral("语桐")};

QString eventName(int e)
{
    static const char* names[] = {"new_application", "under_review",  "withdrawal",   "other_decision",
                                  "record_change",   "record_cancel", "record_delete"};
    return QLatin1String(names[e]);
}

// Status values that mean "still in force", and what a cancellation turns them into.
QPair<QString, QString> cancellationOf(const QString& status)
{
    if (status == QLatin1String("valid") || status == QLatin1String("mortgaged") || status == QLatin1String("filed"))
        return {status, QStringLiteral("cancelled")};
    if (status == QLatin1String("active"))
        return {status, QStringLiteral("revoked")};
    if (status == QLatin1String("married"))
        return {status, QStringLiteral("divorced")};
    return {};
}

} // namespace

LiveCity::LiveCity(HubContext& context, double eventsPerSecond, quint64 seed, QObject* parent)
    : QObject(parent)
    , m_context(context)
    , m_rate(eventsPerSecond)
    , m_state(seed * 0x2545f4914f6cdd1dULL + 0x1234567)
{
    connect(&m_timer, &QTimer::timeout, this, &LiveCity::tick);
}

void LiveCity::start()
{
    if (m_rate <= 0)
        return;
    m_timer.start(std::clamp(int(1000.0 / m_rate), 20, 1000));
    m_clock.start();
    m_sinceSummary.start();
    qCInfo(lcHub) << "live city:" << m_rate << "events per second";
}

void LiveCity::stop()
{
    m_timer.stop();
}

quint64 LiveCity::next()
{
    quint64 z = (m_state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

void LiveCity::tick()
{
    // Owed events, but never more than a quarter of a second's worth: a hub that cannot keep up
    // slows the city down rather than falling ever further behind (and never stops answering).
    m_owed = std::min(m_owed + m_rate * double(m_clock.restart()) / 1000.0, std::max(1.0, m_rate / 4));
    const int due = int(m_owed);
    if (due <= 0)
        return;
    m_owed -= due;
    (void)step(due);
    if (m_sinceSummary.elapsed() >= 10000) {
        QStringList parts;
        for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
            parts.append(QStringLiteral("%1=%2").arg(it.key()).arg(it.value()));
        qCInfo(lcHub).noquote() << "live:" << parts.join(u' ') << "head" << m_context.storage.head();
        m_counts.clear();
        m_sinceSummary.restart();
    }
}

bool LiveCity::step(int count)
{
    // Weights out of 100: what a busy admission week looks like.
    static const QList<QPair<Event, int>> weights = {
        {Event::NewApplication, 15}, {Event::UnderReview, 15}, {Event::Withdrawal, 8},  {Event::OtherDecision, 25},
        {Event::RecordChange, 25},   {Event::RecordCancel, 8}, {Event::RecordDelete, 4}};
    store::Transaction t(m_context.storage.connection());
    if (!t.beginStatus())
        return false;
    for (int i = 0; i < count; ++i) {
        int roll = below(100);
        Event e = Event::RecordChange;
        for (const auto& [event, weight] : weights) {
            if (roll < weight) {
                e = event;
                break;
            }
            roll -= weight;
        }
        if (!runEvent(e)) {
            m_context.storage.reloadHead();
            return false;
        }
    }
    if (!t.commit()) {
        m_context.storage.reloadHead();
        return false;
    }
    return true;
}

bool LiveCity::runEvent(Event e)
{
    // One savepoint per event: an event that fails half-way leaves nothing behind.
    HubStorage::Savepoint savepoint(m_context.storage);
    if (!savepoint.beginStatus())
        return false;
    bool done = false;
    switch (e) {
    case Event::NewApplication:
        done = newApplication();
        break;
    case Event::UnderReview:
    case Event::Withdrawal:
    case Event::OtherDecision:
        done = changeApplication(e);
        break;
    case Event::RecordChange:
    case Event::RecordCancel:
    case Event::RecordDelete:
        done = changeRecord(e);
        break;
    }
    if (done && savepoint.release()) {
        ++m_events;
        m_counts[eventName(int(e))] += 1;
    }
    return true; // an event that found nothing to do is no error
}

bool LiveCity::changeApplication(Event e)
{
    CityRepository& city = m_context.city;
    const QStringList open = {QStringLiteral("submitted"), QStringLiteral("under_review"),
                              QStringLiteral("info_requested")};
    const QStringList from = e == Event::UnderReview ? QStringList{QStringLiteral("submitted")} : open;
    auto ids = city.sampleApplications(from, 1, next());
    if (!ids || ids->isEmpty())
        return false;
    auto found = city.application(ids->first());
    if (!found || !found->has_value())
        return false;
    ApplicationRow row = std::move(**found);
    const QString now = json::formatTime(QDateTime::currentDateTimeUtc());
    if (e == Event::UnderReview) {
        row.status = QStringLiteral("under_review");
    } else if (e == Event::Withdrawal) {
        row.status = QStringLiteral("withdrawn");
    } else {
        const int roll = below(100);
        const QString outcome = roll < 70   ? QStringLiteral("approve")
                                : roll < 85 ? QStringLiteral("reject")
                                            : QStringLiteral("request_info");
        const QString claimed = row.data.value(QStringLiteral("claimed_category")).toString();
        row.data.insert(
            QStringLiteral("decision"),
            QJsonObject{{QStringLiteral("outcome"), outcome},
                        {QStringLiteral("category"), outcome == QLatin1String("approve") && !claimed.isEmpty()
                                                         ? QJsonValue(claimed)
                                                         : QJsonValue()},
                        {QStringLiteral("reason_code"),
                         outcome == QLatin1String("approve") ? QJsonValue() : QJsonValue(QStringLiteral("other"))},
                        {QStringLiteral("note"), QJsonValue()},
                        // Not an account anyone signs in as: the hub's own simulation decided this.
                        {QStringLiteral("decided_by"), QStringLiteral("simulated.reviewer")},
                        {QStringLiteral("decided_at"), now},
                        {QStringLiteral("batch_id"), QJsonValue()},
                        {QStringLiteral("signed"), false}});
        row.status = DecisionsApi::statusForOutcome(outcome);
    }
    row.version += 1;
    return bool(city.saveApplication(row, false));
}

bool LiveCity::newApplication()
{
    // A family that applies late: modelled on an existing application (same school, guardians and
    // address), with a new child whose ID number is valid and not yet in the city.
    CityRepository& city = m_context.city;
    auto ids = city.sampleApplications({}, 1, next());
    if (!ids || ids->isEmpty())
        return false;
    auto found = city.application(ids->first());
    if (!found || !found->has_value())
        return false;
    const ApplicationRow& model = **found;
    const QJsonObject child = model.data.value(QStringLiteral("child")).toObject();
    const IdNumber modelId = IdNumber::parse(child.value(QStringLiteral("id_number")).toString());
    if (!modelId.isValid())
        return false;
    QString idNumber;
    for (int attempt = 0; attempt < 8 && idNumber.isEmpty(); ++attempt) {
        const QDate birth = modelId.birthDate().addDays(below(120) - 60);
        const QString first17 = modelId.areaCode() + birth.toString(QStringLiteral("yyyyMMdd")) +
                                QStringLiteral("%1").arg(below(1000), 3, 10, QLatin1Char('0'));
        const QString candidate = first17 + IdNumber::checkCharacter(first17);
        auto existing = city.activeApplicationOfChild(candidate, model.admissionYear);
        if (existing && existing->isEmpty())
            idNumber = candidate;
    }
    if (idNumber.isEmpty())
        return false;
    const QJsonArray guardians = model.data.value(QStringLiteral("guardians")).toArray();
    const QString familyName = guardians.isEmpty()
                                   ? QStringLiteral("王")
                                   : guardians.first().toObject().value(QStringLiteral("name")).toString().left(1);
    auto id = city.allocateApplicationId(model.admissionYear);
    if (!id)
        return false;
    ApplicationRow row;
    row.id = *id;
    row.schoolId = model.schoolId;
    row.status = QStringLiteral("submitted");
    row.version = 1;
    row.data = model.data;
    row.data.insert(QStringLiteral("channel"), QStringLiteral("online"));
    for (const char* counterOnly : {"taken_by", "client_submitted_at", "client_ref", "paper_evidence"})
        row.data.remove(QLatin1String(counterOnly)); // a model taken at a counter: this one came online
    row.data.insert(QStringLiteral("submitted_at"), json::formatTime(QDateTime::currentDateTimeUtc()));
    row.data.insert(QStringLiteral("child"),
                    QJsonObject{{QStringLiteral("name"), familyName + kGivenNames.at(below(int(kGivenNames.size())))},
                                {QStringLiteral("id_number"), idNumber}});
    row.data.insert(QStringLiteral("decision"), QJsonValue());
    return bool(city.saveApplication(row, true));
}

bool LiveCity::changeRecord(Event e)
{
    CityRepository& city = m_context.city;
    auto ids = city.sampleRecords(1, next());
    if (!ids || ids->isEmpty())
        return false;
    auto found = city.record(ids->first());
    if (!found || !found->has_value() || (*found)->deleted)
        return false;
    const StoredObject& stored = **found;
    if (e == Event::RecordDelete)
        return bool(city.deleteRecord(stored.id, stored.version + 1));
    QJsonObject data = QJsonDocument::fromJson(stored.data).object();
    QJsonObject fields = data.value(QStringLiteral("fields")).toObject();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    data.insert(QStringLiteral("fetched_at"), json::formatTime(now));
    if (e == Event::RecordCancel) {
        const auto [before, after] = cancellationOf(fields.value(QStringLiteral("status")).toString());
        if (after.isEmpty())
            return false;
        fields.insert(QStringLiteral("status"), after);
        if (data.value(QStringLiteral("dataset")).toString() == QLatin1String("real_estate_registration"))
            fields.insert(QStringLiteral("cancelled_on"), json::formatDate(now.date()));
    } else if (fields.contains(QStringLiteral("end_on"))) {
        // A rental filing renewed for another year.
        const QDate end = json::parseDate(fields.value(QStringLiteral("end_on")).toString());
        if (end.isValid())
            fields.insert(QStringLiteral("end_on"), json::formatDate(end.addYears(1)));
    }
    data.insert(QStringLiteral("fields"), fields);
    return bool(city.saveRecord(stored.id, stored.version + 1, data));
}

} // namespace adm::hub
