#pragma once

namespace adm::store {
class Connection;
}

namespace adm::views {

// A reader connection as the widgets hold it, on a ReaderThread: they hand it to the read functions
// of models/views (CacheReads.h) and never run SQL of their own. Only models/views, which links the
// store, can use connection().
class CacheView {
public:
    explicit CacheView(store::Connection& connection)
        : m_connection(&connection)
    {}

    store::Connection& connection() const { return *m_connection; }

private:
    store::Connection* m_connection;
};

} // namespace adm::views
