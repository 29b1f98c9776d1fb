#pragma once

#include <QString>

namespace adm::ctl {

class CtlContext;

int cmdInit(CtlContext& ctx);
int cmdUsers(CtlContext& ctx);
int cmdKey(CtlContext& ctx);
int cmdGenerate(CtlContext& ctx);
int cmdImport(CtlContext& ctx);
int cmdStats(CtlContext& ctx);
int cmdCheckId(CtlContext& ctx);
int cmdEvaluate(CtlContext& ctx);
int cmdExplain(CtlContext& ctx);
int cmdCheck(CtlContext& ctx);
int cmdSettings(CtlContext& ctx); // CmdSettings.cpp
// CmdIntake.cpp
int cmdIntake(CtlContext& ctx);
int cmdReceipt(CtlContext& ctx);
int cmdCounter(CtlContext& ctx);
// CmdSignoff.cpp (issue 14)
int cmdBatch(CtlContext& ctx);
// key signing-generate: called by cmdKey with its parsed options.
int keySigningGenerate(CtlContext& ctx, const QString& algorithm, bool json);
// CmdRelations.cpp (issue 14)
int cmdRelations(CtlContext& ctx);
int cmdAudit(CtlContext& ctx);
// CmdReport.cpp (issue 16)
int cmdReport(CtlContext& ctx);

} // namespace adm::ctl
