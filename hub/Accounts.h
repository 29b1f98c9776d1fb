#pragma once

#include "Account.h"
#include "domain/Result.h"

#include <optional>

namespace adm::hub {

class CityRepository;
class HubStorage;

// The hub's accounts. On first start it makes demo accounts for every role and scope from the
// city (clerk, reviewer and principal of the two schools with most applications, a reviewer of
// both, a supervisor of their district and one of the city) and writes them with their passwords
// to DIR/accounts.json: a sandbox only. Passwords are kept as PBKDF2-HMAC-SHA256 hashes.
class Accounts {
public:
    explicit Accounts(HubStorage& storage)
        : m_storage(storage)
    {}

    bool isEmpty();
    Status createDemoAccounts(CityRepository& city, const QString& accountsJsonPath, int iterations);
    Status add(const Account& account, const QString& password, int iterations);

    // The account when the password is right; nothing when the account or password is wrong.
    Result<std::optional<Account>> verify(const QString& id, const QString& password);

    static QString hashPassword(const QString& password, int iterations);
    static bool checkPassword(const QString& password, const QString& stored);

private:
    HubStorage& m_storage;
};

} // namespace adm::hub
