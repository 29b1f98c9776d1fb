#pragma once

#include "Prompter.h"

#include <QList>
#include <QStringList>
#include <functional>

// Answers the main window's questions as a test says, and remembers what was asked.
class ScriptedPrompter : public adm::ui::Prompter {
public:
    using DecisionAnswer = std::function<std::optional<adm::sync::DecisionRequest>(const adm::ui::DecisionContext&)>;

    DecisionAnswer approve;
    DecisionAnswer reject;
    DecisionAnswer requestInfo;
    std::optional<QString> revealReason;
    std::optional<QString> noteText; // the internal note typed (nullopt: cancelled)
    bool confirmAnswer = true;
    bool batchAnswer = true;                               // approve the clean ones
    std::optional<adm::views::ExportRequest> exportAnswer; // nullopt: cancel the export dialog
    adm::views::BatchPlan lastPlan;
    adm::ui::ExportContext lastExport;
    QList<int> choices;    // answers to choose(), in order; none left: the escape answer
    QStringList questions; // the text of each choose()

    QStringList asked;    // "approve A2026…", "confirm <title>", …
    QStringList informed; // the sentences shown to the reviewer
    adm::ui::DecisionContext lastContext;

    std::optional<adm::sync::DecisionRequest> askApprove(QWidget*, const adm::ui::DecisionContext& c) override
    {
        return answer(QStringLiteral("approve"), approve, c);
    }
    std::optional<adm::sync::DecisionRequest> askReject(QWidget*, const adm::ui::DecisionContext& c) override
    {
        return answer(QStringLiteral("reject"), reject, c);
    }
    std::optional<adm::sync::DecisionRequest> askRequestInfo(QWidget*, const adm::ui::DecisionContext& c) override
    {
        return answer(QStringLiteral("request_info"), requestInfo, c);
    }
    std::optional<QString> askRevealReason(QWidget*, const QString& applicationId, const QString&) override
    {
        asked << QStringLiteral("reveal ") + applicationId;
        return revealReason;
    }
    bool confirm(QWidget*, const QString& title, const QString&) override
    {
        asked << QStringLiteral("confirm ") + title;
        return confirmAnswer;
    }
    std::optional<QString> askNote(QWidget*, const QString& applicationId) override
    {
        asked << QStringLiteral("note ") + applicationId;
        return noteText;
    }
    void inform(QWidget*, const QString&, const QString& text) override { informed << text; }
    bool askBatchApprove(QWidget*, const adm::views::BatchPlan& plan) override
    {
        asked << QStringLiteral("batch approve %1").arg(plan.clean.size());
        lastPlan = plan;
        return batchAnswer;
    }
    std::optional<adm::views::ExportRequest> askExport(QWidget*, const adm::ui::ExportContext& context) override
    {
        asked << QStringLiteral("export");
        lastExport = context;
        if (!exportAnswer)
            return std::nullopt;
        adm::views::ExportRequest r = *exportAnswer;
        r.query = context.query; // the view's query, as the real dialog does
        return r;
    }
    int choose(QWidget*, const QString& title, const QString& text, const QStringList&, int escape) override
    {
        asked << QStringLiteral("choose ") + title;
        questions << text;
        return choices.isEmpty() ? escape : choices.takeFirst();
    }

private:
    std::optional<adm::sync::DecisionRequest> answer(const QString& what, const DecisionAnswer& f,
                                                     const adm::ui::DecisionContext& c)
    {
        asked << what + u' ' + c.applicationId;
        lastContext = c;
        return f ? f(c) : std::nullopt;
    }
};
