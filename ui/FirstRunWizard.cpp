#include "FirstRunWizard.h"

#include "EnrolPage.h"
#include "FirstUserPage.h"

#include <QAbstractButton>
#include <QLabel>
#include <QVBoxLayout>

namespace adm::ui {

namespace {

// The last page: what was set up, and what happens next.
class ReadyPage : public QWizardPage {
public:
    explicit ReadyPage(FirstRunWizard* wizard)
        : m_wizard(wizard)
    {
        setObjectName(QStringLiteral("donePage"));
        setTitle(FirstRunWizard::tr("Ready"));
        setSubTitle(FirstRunWizard::tr("What was set up, and what comes next."));
        m_summary = new QLabel(this);
        m_summary->setObjectName(QStringLiteral("summaryLabel"));
        m_summary->setWordWrap(true);
        auto* layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addStretch();
    }

    void initializePage() override
    {
        QStringList lines{FirstRunWizard::tr("The workstation is set up, and %1 is its administrator.")
                              .arg(m_wizard->cache().user())};
        if (m_wizard->isEnrolled())
            lines << FirstRunWizard::tr(
                         "It is connected to the city platform at %1 as workstation \"%2\", and signs in there "
                         "as %3. The city platform password is not stored: the workstation asks for it when it "
                         "starts.")
                         .arg(m_wizard->hubAddress(), m_wizard->workstationName(), m_wizard->hubAccount());
        else
            lines << FirstRunWizard::tr(
                "It works offline. To connect it to a city platform later, an administrator runs: "
                "admissionsctl connect --hub URL --ca FILE");
        lines << FirstRunWizard::tr("Press Finish to open the workstation.");
        m_summary->setText(lines.join(QStringLiteral("\n\n")));
    }

private:
    FirstRunWizard* m_wizard;
    QLabel* m_summary = nullptr;
};

} // namespace

FirstRunWizard::FirstRunWizard(const QString& dataDir, QWidget* parent)
    : QWizard(parent)
    , m_dataDir(dataDir)
    , m_setup(dataDir)
{
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up the workstation"));
    setWizardStyle(QWizard::ModernStyle);
    setOptions(QWizard::NoBackButtonOnStartPage | QWizard::NoBackButtonOnLastPage | QWizard::HaveCustomButton1 |
               QWizard::NoCancelButtonOnLastPage);
    m_hubOptions.requestTimeoutMs = 15000; // a person waits: give up sooner than the sync engine does
    m_hubOptions.maxAttempts = 1;

    auto* enrol = new EnrolPage(this);
    setPage(UserPage, new FirstUserPage(this));
    setPage(HubPage, enrol);
    setPage(DonePage, new ReadyPage(this));
    setStartId(UserPage);

    setButtonText(QWizard::CustomButton1, tr("&Skip — work offline"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("skipButton"));
    connect(this, &QWizard::customButtonClicked, enrol, [enrol](int which) {
        if (which == QWizard::CustomButton1)
            enrol->skip();
    });
    connect(this, &QWizard::currentIdChanged, this, &FirstRunWizard::updateButtons);
    updateButtons(UserPage);
    setMinimumSize(660, 480); // room for a two-line error under the hub page's fields, in either language
}

FirstRunWizard::~FirstRunWizard() = default;

void FirstRunWizard::updateButtons(int pageId)
{
    // The skip button belongs to the hub page alone; once the workspace exists, cancelling would
    // only hide it, so the hub page offers "skip" instead of "cancel".
    if (pageId == HubPage)
        setButtonLayout({QWizard::Stretch, QWizard::CustomButton1, QWizard::NextButton});
    else
        setButtonLayout({QWizard::Stretch, QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                         QWizard::FinishButton, QWizard::CancelButton});
}

void FirstRunWizard::setSignedIn(const QString& hubAddress, const QString& workstationName, const QString& account)
{
    m_hubAddress = hubAddress;
    m_workstationName = workstationName;
    m_hubAccount = account;
}

void FirstRunWizard::setBusy(bool busy)
{
    m_busy = busy;
    button(QWizard::CustomButton1)->setEnabled(!busy);
}

void FirstRunWizard::reject()
{
    if (m_busy) // the hub call ends within its timeout; its answer must find the wizard
        return;
    QWizard::reject();
}

} // namespace adm::ui
