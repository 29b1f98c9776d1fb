#include "CurrentApplication.h"

namespace adm::ui {

CurrentApplication::CurrentApplication(QObject* parent)
    : QObject(parent)
{
    setObjectName(QStringLiteral("currentApplication"));
}

void CurrentApplication::choose(const QString& id, Place place)
{
    if (id.isEmpty()) {
        clear();
        return;
    }
    if (id == m_id && place == m_place)
        return;
    if (id != m_id)
        m_detail.reset(); // never the detail of another application under this id
    m_id = id;
    m_place = place;
    Q_EMIT chosen(m_id, m_place);
}

void CurrentApplication::clear()
{
    const bool was = !m_id.isEmpty() || m_detail;
    m_id.clear();
    m_place = Place::InQueue;
    m_detail.reset();
    if (was)
        Q_EMIT cleared();
}

bool CurrentApplication::setDetail(const views::ApplicationDetail& detail)
{
    if (detail.application.id != m_id)
        return false; // a read that finished after the officer moved on
    m_detail = detail;
    Q_EMIT detailRead(*m_detail);
    return true;
}

void CurrentApplication::setReadError(const QString& id, const QString& message)
{
    if (id != m_id)
        return;
    m_detail.reset();
    Q_EMIT readFailed(id, message);
}

} // namespace adm::ui
