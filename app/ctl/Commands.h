#pragma once

namespace adm::ctl {

class CtlContext;

int cmdInit(CtlContext& ctx);
int cmdUsers(CtlContext& ctx);
int cmdKey(CtlContext& ctx);
int cmdGenerate(CtlContext& ctx);
int cmdImport(CtlContext& ctx);
int cmdStats(CtlContext& ctx);
int cmdCheckId(CtlContext& ctx);

} // namespace adm::ctl
