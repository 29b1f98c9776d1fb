#include "RelativesDialog.h"

#include "domain/IdNumber.h"
#include "views/ReaderThread.h"
#include "views/Session.h"
#include "views/SignOffService.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace adm::ui {

RelativesDialog::RelativesDialog(views::Session& session, QWidget* parent)
    : QDialog(parent)
    , m_reads(std::make_unique<views::ReaderThread>(session.readers(), QStringLiteral("relatives-reads")))
    , m_service(std::make_unique<views::SignOffService>(session))
    , m_user(session.user())
{
    setObjectName(QStringLiteral("relativesDialog"));
    setWindowTitle(tr("Declared relatives"));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("Declare the ID numbers of your relatives. You will not decide or sign an "
                               "application naming one of them as child or guardian: someone else does. The "
                               "numbers stay encrypted on this workstation and are never sent to the city "
                               "platform."),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("relativesList"));
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("ID number"), tr("Note"), tr("Declared")});
    m_list->header()->setStretchLastSection(true);
    layout->addWidget(m_list, 1);
    auto* form = new QFormLayout;
    m_idNumber = new QLineEdit(this);
    m_idNumber->setObjectName(QStringLiteral("relativeIdNumber"));
    m_idNumber->setMaxLength(18);
    form->addRow(tr("&ID number:"), m_idNumber);
    m_problem = new QLabel(this);
    m_problem->setObjectName(QStringLiteral("relativeIdProblem"));
    m_problem->setWordWrap(true);
    form->addRow(QString(), m_problem);
    m_note = new QLineEdit(this);
    m_note->setObjectName(QStringLiteral("relativeNote"));
    form->addRow(tr("N&ote (optional):"), m_note);
    layout->addLayout(form);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("relativesMessage"));
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Close"));
    m_declare = buttons->addButton(tr("&Declare"), QDialogButtonBox::ActionRole);
    m_declare->setObjectName(QStringLiteral("declareButton"));
    m_declare->setDefault(true);
    connect(m_declare, &QPushButton::clicked, this, &RelativesDialog::declare);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(m_idNumber, &QLineEdit::textChanged, this, &RelativesDialog::checkTyped);
    connect(m_idNumber, &QLineEdit::returnPressed, this, &RelativesDialog::declare);
    connect(m_note, &QLineEdit::returnPressed, this, &RelativesDialog::declare);
    setMinimumSize(560, 420);
    checkTyped();
    readList();
    m_idNumber->setFocus();
}

RelativesDialog::~RelativesDialog() = default;

void RelativesDialog::shutdown()
{
    m_reads.reset();
    m_service.reset();
    m_declare->setEnabled(false);
}

void RelativesDialog::checkTyped()
{
    const QString text = m_idNumber->text().trimmed();
    const IdNumber id = IdNumber::parse(text);
    m_problem->setText(text.isEmpty() || id.isValid() ? QString() : id.problemMessage());
    m_problem->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_declare->setEnabled(!m_busy && m_service && id.isValid());
}

void RelativesDialog::readList()
{
    if (!m_reads)
        return;
    const QString user = m_user;
    m_reads->run<Result<QList<views::DeclaredRelative>>>(
        [user](const views::CacheView* cache) -> Result<QList<views::DeclaredRelative>> {
            if (!cache)
                return Error{QStringLiteral("closed"), RelativesDialog::tr("The cache cannot be read.")};
            return views::readDeclaredRelatives(*cache, user);
        },
        this,
        [this](Result<QList<views::DeclaredRelative>> read) {
            m_list->clear();
            if (!read) {
                m_message->setText(read.error().message);
                return;
            }
            for (const views::DeclaredRelative& r : *read)
                new QTreeWidgetItem(m_list, {r.maskedIdNumber, r.note,
                                             QLocale().toString(r.declaredAt.toLocalTime(), QLocale::ShortFormat)});
            m_list->resizeColumnToContents(0);
            Q_EMIT listShown();
        });
}

void RelativesDialog::declare()
{
    const IdNumber id = IdNumber::parse(m_idNumber->text().trimmed());
    if (m_busy || !id.isValid() || !m_service)
        return;
    m_busy = true;
    checkTyped();
    m_service->declareRelative(id.text(), m_note->text().trimmed(), this, [this](Result<bool> made) {
        m_busy = false;
        QString text;
        if (!made)
            text = made.error().message;
        else if (*made)
            text = tr("Declared. Applications naming this person will go to someone else.");
        else
            text = tr("You had declared this person already.");
        if (made) {
            m_idNumber->clear();
            m_note->clear();
            readList();
        }
        m_message->setText(text);
        checkTyped();
        m_idNumber->setFocus();
        Q_EMIT declared(bool(made), text);
    });
}

} // namespace adm::ui
