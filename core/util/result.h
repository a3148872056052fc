// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cassert>
#include <string>
#include <utility>
#include <variant>

namespace patchwise {

// Error wrapper so that Result<std::string> stays unambiguous.
template<typename E = std::string> struct Unexpected
{
    E error;
};

template<typename E> Unexpected(E) -> Unexpected<E>;

// A value or an error message a user can act on (std::expected for C++20). Errors are
// values in Patchwise: core functions never throw for bad input and never show dialogs.
template<typename T, typename E = std::string> class Result
{
public:
    Result(T value)
        : m_data(std::in_place_index<0>, std::move(value))
    {}
    Result(Unexpected<E> error)
        : m_data(std::in_place_index<1>, std::move(error.error))
    {}

    bool hasValue() const { return m_data.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    const T &value() const &
    {
        assert(hasValue());
        return std::get<0>(m_data);
    }
    T &value() &
    {
        assert(hasValue());
        return std::get<0>(m_data);
    }
    T &&value() &&
    {
        assert(hasValue());
        return std::get<0>(std::move(m_data));
    }
    const T &operator*() const & { return value(); }
    T &operator*() & { return value(); }
    T &&operator*() && { return std::move(*this).value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const
    {
        assert(!hasValue());
        return std::get<1>(m_data);
    }

private:
    std::variant<T, E> m_data;
};

} // namespace patchwise
