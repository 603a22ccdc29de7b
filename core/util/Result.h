// SPDX-License-Identifier: GPL-3.0-or-later
// Result<T, E>: a value or a typed error, for functions whose failure is part of their contract
// (decoding a frame, opening a socket). A small stand-in for C++23 std::expected.
#pragma once

#include <type_traits>
#include <utility>
#include <variant>

namespace aoesan {

template<typename E> struct Unexpected
{
    // A constructor, not an aggregate: `Unexpected(value)` must also build with clang 14, which has no
    // parenthesised aggregate initialisation (P0960).
    constexpr explicit Unexpected(E value)
        : error(std::move(value))
    { }
    E error;
};

template<typename E> Unexpected(E) -> Unexpected<E>;

template<typename T, typename E> class [[nodiscard]] Result
{
public:
    Result(T value)
        : m_state(std::in_place_index<0>, std::move(value))
    { } // NOLINT: implicit by design
    Result(Unexpected<E> failure)
        : m_state(std::in_place_index<1>, std::move(failure.error))
    { } // NOLINT
    // Lets `return Unexpected("text");` work where E is std::string.
    template<typename U>
    requires(!std::is_same_v<U, E> && std::is_constructible_v<E, U>) Result(Unexpected<U> failure)
        : m_state(std::in_place_index<1>, E(std::move(failure.error)))
    { } // NOLINT

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const E &error() const { return std::get<1>(m_state); }

private:
    std::variant<T, E> m_state;
};

} // namespace aoesan
