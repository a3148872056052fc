// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvssscore.h"

#include "cvssv4table.h"

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <memory>

namespace patchwise::cvss {

namespace {

// Why integers: every CVSS weight is a short decimal (at most four places), so sums and
// products of weights are exact in scaled 128-bit integers, and "round half up" or "round
// up" is decided on the exact value, as the specifications intend. The only quantities that
// are not short decimals are v3.x's (ISS - 0.02)^15 and (MISS × 0.9731 - 0.02)^13 terms
// (up to 169 decimal places); they are carried separately in 113-bit binary128 and only
// ever decide a rounding when the exact part is no tie, with a margin that is checked.
using i128 = __int128;
using f128 = __float128;

constexpr i128 pow10(int n)
{
    i128 r = 1;
    while (n-- > 0)
        r *= 10;
    return r;
}

// n / 10^scale rounded to tenths, half away from zero (Python's ROUND_HALF_UP on Decimal,
// which the Red Hat library and the v2 guide's round_to_1_decimal agree on).
int roundHalfUpTenths(i128 n, int scale)
{
    const i128 d = pow10(scale - 1);
    i128 q = n / d;
    const i128 r = n % d;
    if (2 * (r < 0 ? -r : r) >= d)
        q += n < 0 ? -1 : 1;
    return static_cast<int>(q);
}

// --- v2.0 ----------------------------------------------------------------------------
// Weights ×1000 (AV/AC/Au/CIA), ×100 (E/RL/RC/TD/CR/IR/AR), ×10 (CDP), indexed by Value.
struct V2Weights
{
    std::array<int, ValueCount> av{}, ac{}, au{}, cia{}, e{}, rl{}, rc{}, cdp{}, td{}, req{};
    constexpr V2Weights()
    {
        using enum Value;
        auto at = [](std::array<int, ValueCount> &a, Value v) -> int & { return a[int(v)]; };
        at(av, L) = 395, at(av, A) = 646, at(av, N) = 1000;
        at(ac, H) = 350, at(ac, M) = 610, at(ac, L) = 710;
        at(au, M) = 450, at(au, S) = 560, at(au, N) = 704;
        at(cia, N) = 0, at(cia, P) = 275, at(cia, C) = 660;
        for (auto *a : {&e, &rl, &rc, &td, &req}) {
            at(*a, Absent) = 100;
            at(*a, ND) = 100;
        }
        at(e, U) = 85, at(e, POC) = 90, at(e, F) = 95, at(e, H) = 100;
        at(rl, OF) = 87, at(rl, TF) = 90, at(rl, W) = 95, at(rl, U) = 100;
        at(rc, UC) = 90, at(rc, UR) = 95, at(rc, C) = 100;
        at(cdp, N) = 0, at(cdp, L) = 1, at(cdp, LM) = 3, at(cdp, MH) = 4, at(cdp, H) = 5;
        at(td, N) = 0, at(td, L) = 25, at(td, M) = 75, at(td, H) = 100;
        at(req, L) = 50, at(req, M) = 100, at(req, H) = 151;
    }
};
constexpr V2Weights kV2;

namespace v2slot {
enum : int
{
    AV,
    AC,
    Au,
    C,
    I,
    A,
    E,
    RL,
    RC,
    CDP,
    TD,
    CR,
    IR,
    AR
};
}

struct V2Result
{
    int base;
    int temporal;
    int environmental;
};

V2Result scoreV2(const Vector &v, bool wantBaseAndTemporal)
{
    auto w = [&](const std::array<int, ValueCount> &table, int slot) -> i128 {
        return table[int(v.valueAt(slot))];
    };
    const i128 c = w(kV2.cia, v2slot::C), i = w(kV2.cia, v2slot::I), a = w(kV2.cia, v2slot::A);
    const i128 exploit9 =
        20 * w(kV2.av, v2slot::AV) * w(kV2.ac, v2slot::AC) * w(kV2.au, v2slot::Au);
    const i128 erc6 = w(kV2.e, v2slot::E) * w(kV2.rl, v2slot::RL) * w(kV2.rc, v2slot::RC);

    V2Result r{0, 0, 0};
    if (wantBaseAndTemporal) {
        // Impact = 10.41 × (1 - (1-C)(1-I)(1-A)), scale 1e11; not capped (10.0008 is legal).
        const i128 impact11 = 1041 * (pow10(9) - (1000 - c) * (1000 - i) * (1000 - a));
        const i128 f3 = impact11 == 0 ? 0 : 1176;
        const i128 raw15 = (6 * impact11 + 4 * exploit9 * 100 - 15 * pow10(11)) * f3;
        r.base = std::max(0, roundHalfUpTenths(raw15, 15));
        r.temporal = std::max(0, roundHalfUpTenths(r.base * erc6, 7));
    }

    // AdjustedImpact = min(10, 10.41 × (1 - (1-C×CR)(1-I×IR)(1-A×AR))), scale 1e17.
    const i128 cr = w(kV2.req, v2slot::CR), ir = w(kV2.req, v2slot::IR),
               ar = w(kV2.req, v2slot::AR);
    const i128 prod15 = (100000 - c * cr) * (100000 - i * ir) * (100000 - a * ar);
    const i128 adjImpact17 = std::min<i128>(1041 * (pow10(15) - prod15), 10 * pow10(17));
    const i128 f3 = adjImpact17 == 0 ? 0 : 1176;
    const i128 adjRaw21 = (6 * adjImpact17 + 4 * exploit9 * pow10(8) - 15 * pow10(17)) * f3;
    const int adjBase = roundHalfUpTenths(adjRaw21, 21); // may be negative; see cvss.md §5.7
    const int adjTemporal = roundHalfUpTenths(adjBase * erc6, 7);
    const i128 cdp1 = w(kV2.cdp, v2slot::CDP), td2 = w(kV2.td, v2slot::TD);
    const i128 env4 = (i128(adjTemporal) * 10 + (100 - adjTemporal) * cdp1) * td2;
    r.environmental = std::max(0, roundHalfUpTenths(env4, 4));
    return r;
}

// --- v3.0 / v3.1 ---------------------------------------------------------------------
namespace v3slot {
enum : int
{
    AV,
    AC,
    PR,
    UI,
    S,
    C,
    I,
    A,
    E,
    RL,
    RC,
    CR,
    IR,
    AR,
    MAV,
    MAC,
    MPR,
    MUI,
    MS,
    MC,
    MI,
    MA
};
}

// Value -> dense index of each v3 metric's weight class.
struct V3Index
{
    std::array<std::int8_t, ValueCount> av{}, ac{}, pr{}, ui{}, s{}, cia{}, e{}, rl{}, rc{}, req{};
    constexpr V3Index()
    {
        using enum Value;
        auto set = [](std::array<std::int8_t, ValueCount> &a, std::initializer_list<Value> vs) {
            a.fill(-1);
            std::int8_t k = 0;
            for (Value v : vs)
                a[int(v)] = k++;
        };
        set(av, {N, A, L, P});
        set(ac, {L, H});
        set(pr, {N, L, H});
        set(ui, {N, R});
        set(s, {U, C});
        set(cia, {H, L, N});
        set(e, {X, F, P, U});
        e[int(H)] = 0, e[int(Absent)] = 0;
        set(rl, {X, W, T, O});
        rl[int(U)] = 0, rl[int(Absent)] = 0;
        set(rc, {X, R, U});
        rc[int(C)] = 0, rc[int(Absent)] = 0;
        set(req, {L, M, H});
        req[int(X)] = 1, req[int(Absent)] = 1;
    }
};
constexpr V3Index kV3Index;

constexpr int kAV100[] = {85, 62, 55, 20};
constexpr int kAC100[] = {77, 44};
constexpr int kPR100[2][3] = {{85, 62, 27}, {85, 68, 50}}; // [scope U/C][N/L/H]
constexpr int kUI100[] = {85, 62};
constexpr int kCIA100[] = {56, 22, 0};
constexpr int kE100[] = {100, 97, 94, 91};
constexpr int kRL100[] = {100, 97, 96, 95};
constexpr int kRC100[] = {100, 96, 92};
constexpr int kReq100[] = {50, 100, 150};

constexpr int kExploitCombos = 4 * 2 * 3 * 2;
constexpr int kMissCombos = 9 * 9 * 9;
constexpr int kTemporalCombos = 4 * 4 * 3;

// A real number as exact/1e18 + residual.
struct Num
{
    i128 exact = 0;
    f128 residual = 0;
};
constexpr int kNumScale = 18;

f128 approx(const Num &n)
{
    return f128(n.exact) / f128(pow10(kNumScale)) + n.residual;
}

std::atomic<int> g_ambiguous{0};

void checkMargin(f128 fraction, f128 boundary)
{
    f128 d = fraction - boundary;
    if (d < 0)
        d = -d;
    if (d < f128(1e-20))
        g_ambiguous.fetch_add(1, std::memory_order_relaxed);
}

// v3.0 "Round up": the smallest one-decimal number >= x (x >= 0). Returns tenths.
int roundUpV30(const Num &x)
{
    if (x.residual == 0) {
        const i128 d = pow10(kNumScale - 1);
        return static_cast<int>(x.exact / d + (x.exact % d != 0 ? 1 : 0));
    }
    const f128 y = approx(x) * 10;
    const auto t = static_cast<long long>(y);
    checkMargin(y - f128(t), 0);
    checkMargin(y - f128(t), 1);
    return static_cast<int>(t + (y > f128(t) ? 1 : 0));
}

// v3.1 Roundup (specification Appendix A) applied to the exact value: i = round(x × 1e5)
// (half to even, as Decimal and Python do); i/1e5 if i is a multiple of 1e4, else the next
// tenth above floor(i/1e4).
int roundUpV31(const Num &x)
{
    long long i;
    if (x.residual == 0) {
        const i128 d = pow10(kNumScale - 5);
        i128 q = x.exact / d;
        const i128 r = x.exact % d;
        if (2 * r > d || (2 * r == d && q % 2 != 0))
            ++q;
        i = static_cast<long long>(q);
    } else {
        const f128 y = approx(x) * 100000;
        const auto t = static_cast<long long>(y);
        checkMargin(y - f128(t), f128(0.5));
        i = t + (y - f128(t) > f128(0.5) ? 1 : 0);
    }
    return static_cast<int>(i % 10000 == 0 ? i / 10000 : i / 10000 + 1);
}

int roundUp(bool v31, const Num &x)
{
    return v31 ? roundUpV31(x) : roundUpV30(x);
}

f128 power(f128 b, int n)
{
    f128 r = 1;
    while (n-- > 0)
        r *= b;
    return r;
}

// Exploitability 8.22 × AV × AC × PR × UI as an exact Num, indexed like the tables.
Num exploitability(int scopeChanged, int combo)
{
    const int ui = combo % 2, pr = (combo / 2) % 3, ac = (combo / 6) % 2, av = combo / 12;
    const i128 e10 = i128(822) * kAV100[av] * kAC100[ac] * kPR100[scopeChanged][pr] * kUI100[ui];
    return Num{e10 * pow10(8), 0};
}

// Roundup(min(Impact + Exploit, 10)) (S:U) or Roundup(min(1.08 × (Impact + Exploit), 10))
// (S:C), 0 when Impact <= 0. Returns tenths.
int combine(bool v31, bool scopeChanged, const Num &impact, const Num &exploit)
{
    if (impact.residual == 0 ? impact.exact <= 0 : approx(impact) <= 0)
        return 0;
    Num sum{impact.exact + exploit.exact, impact.residual + exploit.residual};
    if (scopeChanged) {
        // All exact parts here are multiples of 1e4 at scale 1e18, so ×108/100 stays exact.
        sum.exact = sum.exact * 108 / 100;
        sum.residual = sum.residual * 108 / 100; // 1.08 itself is not a binary fraction
    }
    const bool atLeastTen =
        sum.residual == 0 ? sum.exact >= 10 * pow10(kNumScale) : approx(sum) >= 10;
    if (atLeastTen)
        return 100;
    return roundUp(v31, sum);
}

struct V3Tables
{
    // [v31][scope][cia 27][exploit 48]
    std::uint8_t base[2][2][27][kExploitCombos];
    // [v31][modified scope][miss 729][exploit 48]: Roundup(min(...)) before temporal.
    std::uint8_t envInner[2][2][kMissCombos][kExploitCombos];
    // [v31][score tenths 0..100][E/RL/RC 48]: Roundup(score × E × RL × RC).
    std::uint8_t temporal[2][101][kTemporalCombos];

    V3Tables()
    {
        Num exploit[2][kExploitCombos];
        for (int s = 0; s < 2; ++s)
            for (int x = 0; x < kExploitCombos; ++x)
                exploit[s][x] = exploitability(s, x);

        for (int v31 = 0; v31 < 2; ++v31) {
            // Base: ISS = 1 - (1-C)(1-I)(1-A) at scale 1e6; never above 0.915, so no cap.
            for (int cia = 0; cia < 27; ++cia) {
                const int c = cia / 9, i = (cia / 3) % 3, a = cia % 3;
                const i128 iss6 =
                    pow10(6) - i128(100 - kCIA100[c]) * (100 - kCIA100[i]) * (100 - kCIA100[a]);
                const Num unchanged{642 * iss6 * pow10(10), 0};
                const Num changed{752 * (iss6 - 29000) * pow10(10),
                                  -f128(3.25) * power(f128(iss6 - 20000) / f128(1e6), 15)};
                for (int x = 0; x < kExploitCombos; ++x) {
                    base[v31][0][cia][x] =
                        std::uint8_t(combine(v31, false, unchanged, exploit[0][x]));
                    base[v31][1][cia][x] = std::uint8_t(combine(v31, true, changed, exploit[1][x]));
                }
            }
            // Environmental: MISS = min(1 - (1-MC×CR)(1-MI×IR)(1-MA×AR), 0.915), scale 1e12.
            for (int m = 0; m < kMissCombos; ++m) {
                const int dc = m / 81, di = (m / 9) % 9, da = m % 9;
                auto factor = [](int d) {
                    return i128(10000) - i128(kCIA100[d / 3]) * kReq100[d % 3];
                };
                i128 miss12 = pow10(12) - factor(dc) * factor(di) * factor(da);
                miss12 = std::min<i128>(miss12, i128(915) * pow10(9));
                const Num unchanged{642 * miss12 * pow10(4), 0};
                Num changed{752 * (miss12 - i128(29) * pow10(9)) * pow10(4), 0};
                if (v31) {
                    const f128 b = f128(miss12 * 9731 - i128(2) * pow10(14)) / f128(1e16);
                    changed.residual = -f128(3.25) * power(b, 13);
                } else {
                    const f128 b = f128(miss12 - i128(2) * pow10(10)) / f128(1e12);
                    changed.residual = -f128(3.25) * power(b, 15);
                }
                for (int x = 0; x < kExploitCombos; ++x) {
                    envInner[v31][0][m][x] =
                        std::uint8_t(combine(v31, false, unchanged, exploit[0][x]));
                    envInner[v31][1][m][x] =
                        std::uint8_t(combine(v31, true, changed, exploit[1][x]));
                }
            }
            for (int t = 0; t <= 100; ++t) {
                for (int k = 0; k < kTemporalCombos; ++k) {
                    const int e = k / 12, rl = (k / 3) % 4, rc = k % 3;
                    const i128 x7 = i128(t) * kE100[e] * kRL100[rl] * kRC100[rc];
                    temporal[v31][t][k] = std::uint8_t(roundUp(v31, Num{x7 * pow10(11), 0}));
                }
            }
        }
    }
};

const V3Tables &v3Tables()
{
    static const std::unique_ptr<V3Tables> tables = std::make_unique<V3Tables>();
    return *tables;
}

// Effective value of a modified metric: the modified value unless it is X/absent.
inline Value effective(const Vector &v, int baseSlot, int modifiedSlot)
{
    const Value m = v.valueAt(modifiedSlot);
    return (m == Value::X || m == Value::Absent) ? v.valueAt(baseSlot) : m;
}

inline int idx(const std::array<std::int8_t, ValueCount> &table, Value v)
{
    return table[int(v)];
}

inline int exploitCombo(int av, int ac, int pr, int ui)
{
    return ((av * 2 + ac) * 3 + pr) * 2 + ui;
}

inline int temporalCombo(const Vector &v)
{
    return (idx(kV3Index.e, v.valueAt(v3slot::E)) * 4 + idx(kV3Index.rl, v.valueAt(v3slot::RL))) *
               3 +
           idx(kV3Index.rc, v.valueAt(v3slot::RC));
}

inline int environmentalV3(const V3Tables &t, const Vector &v, int v31)
{
    using namespace v3slot;
    const int ms = idx(kV3Index.s, effective(v, S, MS));
    const int x = exploitCombo(idx(kV3Index.av, effective(v, AV, MAV)),
                               idx(kV3Index.ac, effective(v, AC, MAC)),
                               idx(kV3Index.pr, effective(v, PR, MPR)),
                               idx(kV3Index.ui, effective(v, UI, MUI)));
    const int dc = idx(kV3Index.cia, effective(v, C, MC)) * 3 + idx(kV3Index.req, v.valueAt(CR));
    const int di = idx(kV3Index.cia, effective(v, I, MI)) * 3 + idx(kV3Index.req, v.valueAt(IR));
    const int da = idx(kV3Index.cia, effective(v, A, MA)) * 3 + idx(kV3Index.req, v.valueAt(AR));
    const int inner = t.envInner[v31][ms][(dc * 9 + di) * 9 + da][x];
    return t.temporal[v31][inner][temporalCombo(v)];
}

// --- v4.0 ----------------------------------------------------------------------------
namespace v4slot {
enum : int
{
    AV,
    AC,
    AT,
    PR,
    UI,
    VC,
    VI,
    VA,
    SC,
    SI,
    SA,
    E,
    CR,
    IR,
    AR,
    MAV,
    MAC,
    MAT,
    MPR,
    MUI,
    MVC,
    MVI,
    MVA,
    MSC,
    MSI,
    MSA
};
}

// The 15 values the v4.0 score depends on, after applying modified metrics and defaults.
struct V4Effective
{
    Value av, ac, at, pr, ui, vc, vi, va, sc, si, sa, e, cr, ir, ar;
};

V4Effective v4Effective(const Vector &v, bool threat, bool environmental)
{
    using namespace v4slot;
    auto pick = [&](int base, int modified) {
        return environmental ? effective(v, base, modified) : v.valueAt(base);
    };
    auto req = [&](int slot) {
        const Value r = environmental ? v.valueAt(slot) : Value::X;
        return (r == Value::X || r == Value::Absent) ? Value::H : r;
    };
    V4Effective f;
    f.av = pick(AV, MAV);
    f.ac = pick(AC, MAC);
    f.at = pick(AT, MAT);
    f.pr = pick(PR, MPR);
    f.ui = pick(UI, MUI);
    f.vc = pick(VC, MVC);
    f.vi = pick(VI, MVI);
    f.va = pick(VA, MVA);
    f.sc = pick(SC, MSC);
    f.si = pick(SI, MSI);
    f.sa = pick(SA, MSA);
    const Value e = threat ? v.valueAt(E) : Value::X;
    f.e = (e == Value::X || e == Value::Absent) ? Value::A : e;
    f.cr = req(CR);
    f.ir = req(IR);
    f.ar = req(AR);
    return f;
}

// Severity levels in tenths (FIRST calculator: AV N 0.0, A 0.1, L 0.2, P 0.3, …).
struct V4Levels
{
    std::array<std::int8_t, ValueCount> av{}, pr{}, ui{}, ac{}, at{}, cia{}, sc{}, sisa{}, req{};
    constexpr V4Levels()
    {
        using enum Value;
        auto set = [](std::array<std::int8_t, ValueCount> &a,
                      std::initializer_list<Value> vs,
                      std::int8_t first) {
            std::int8_t k = first;
            for (Value v : vs)
                a[int(v)] = k++;
        };
        set(av, {N, A, L, P}, 0);
        set(pr, {N, L, H}, 0);
        set(ui, {N, P, A}, 0);
        set(ac, {L, H}, 0);
        set(at, {N, P}, 0);
        set(cia, {H, L, N}, 0);
        set(sc, {H, L, N}, 1);
        set(sisa, {S, H, L, N}, 0);
        set(req, {H, M, L}, 0);
    }
};
constexpr V4Levels kLv;

// maxSeverity (max_severity.js), in tenths.
constexpr int kMaxSevEq1[] = {1, 4, 5};
constexpr int kMaxSevEq2[] = {1, 2};
constexpr int kMaxSevEq3Eq6[3][2] = {{7, 6}, {8, 8}, {0, 10}};
constexpr int kMaxSevEq4[] = {6, 5, 4};

// The highest-severity vectors of each EQ level (max_composed.js), as level tuples.
struct Eq1Max
{
    Value av, pr, ui;
};
struct Eq2Max
{
    Value ac, at;
};
struct Eq36Max
{
    Value vc, vi, va, cr, ir, ar;
};
struct Eq4Max
{
    Value sc, si, sa;
};

namespace v4max {
using enum Value;
constexpr Eq1Max kEq1_0[] = {{N, N, N}};
constexpr Eq1Max kEq1_1[] = {{A, N, N}, {N, L, N}, {N, N, P}};
constexpr Eq1Max kEq1_2[] = {{P, N, N}, {A, L, P}};
constexpr std::span<const Eq1Max> kEq1Max[] = {kEq1_0, kEq1_1, kEq1_2};
constexpr Eq2Max kEq2_0[] = {{L, N}};
constexpr Eq2Max kEq2_1[] = {{H, N}, {L, P}};
constexpr std::span<const Eq2Max> kEq2Max[] = {kEq2_0, kEq2_1};
constexpr Eq36Max kEq36_00[] = {{H, H, H, H, H, H}};
constexpr Eq36Max kEq36_01[] = {{H, H, L, M, M, H}, {H, H, H, M, M, M}};
constexpr Eq36Max kEq36_10[] = {{L, H, H, H, H, H}, {H, L, H, H, H, H}};
constexpr Eq36Max kEq36_11[] = {{L, H, L, H, M, H},
                                {L, H, H, H, M, M},
                                {H, L, H, M, H, M},
                                {H, L, L, M, H, H},
                                {L, L, H, H, H, M}};
constexpr Eq36Max kEq36_21[] = {{L, L, L, H, H, H}};
constexpr std::span<const Eq36Max> kEq36Max[3][2] = {
    {kEq36_00, kEq36_01}, {kEq36_10, kEq36_11}, {{}, kEq36_21}};
constexpr Eq4Max kEq4_0[] = {{H, S, S}};
constexpr Eq4Max kEq4_1[] = {{H, H, H}};
constexpr Eq4Max kEq4_2[] = {{L, L, L}};
constexpr std::span<const Eq4Max> kEq4Max[] = {kEq4_0, kEq4_1, kEq4_2};
} // namespace v4max
using v4max::kEq1Max;
using v4max::kEq2Max;
using v4max::kEq36Max;
using v4max::kEq4Max;

int lv(const std::array<std::int8_t, ValueCount> &t, Value v)
{
    return t[int(v)];
}

// Severity distance of the first max vector that the vector does not exceed in any metric
// (FIRST's calculator takes the first such vector of the composed list; because the
// condition is per EQ, that is the first qualifying max of each EQ on its own).
template<typename MaxT, typename DistFn>
int firstDistance(std::span<const MaxT> maxes, DistFn distances)
{
    int last = 0;
    for (const MaxT &m : maxes) {
        bool ok = true;
        last = distances(m, ok);
        if (ok)
            return last;
    }
    return last;
}

struct V4Result
{
    int tenths;
    std::array<std::uint8_t, 6> eq;
};

V4Result scoreV4(const V4Effective &f)
{
    using enum Value;
    V4Result out{0, {}};
    const int eq1 = (f.av == N && f.pr == N && f.ui == N)                  ? 0
                    : ((f.av == N || f.pr == N || f.ui == N) && f.av != P) ? 1
                                                                           : 2;
    const int eq2 = (f.ac == L && f.at == N) ? 0 : 1;
    const int eq3 = (f.vc == H && f.vi == H) ? 0 : (f.vc == H || f.vi == H || f.va == H) ? 1 : 2;
    const int eq4 = (f.si == S || f.sa == S) ? 0 : (f.sc == H || f.si == H || f.sa == H) ? 1 : 2;
    const int eq5 = f.e == A ? 0 : f.e == P ? 1 : 2;
    const int eq6 =
        ((f.cr == H && f.vc == H) || (f.ir == H && f.vi == H) || (f.ar == H && f.va == H)) ? 0 : 1;
    out.eq = {std::uint8_t(eq1),
              std::uint8_t(eq2),
              std::uint8_t(eq3),
              std::uint8_t(eq4),
              std::uint8_t(eq5),
              std::uint8_t(eq6)};

    if (f.vc == N && f.vi == N && f.va == N && f.sc == N && f.si == N && f.sa == N)
        return out; // no impact on any system: 0.0 without a lookup

    auto lookup = [](int e1, int e2, int e3, int e4, int e5, int e6) -> int {
        if (e1 > 2 || e2 > 1 || e3 > 2 || e4 > 2 || e5 > 2 || e6 > 1)
            return -1;
        return v4::kMacroVectorScore[v4::macroVectorIndex(e1, e2, e3, e4, e5, e6)];
    };
    const int value = lookup(eq1, eq2, eq3, eq4, eq5, eq6);

    const int lower1 = lookup(eq1 + 1, eq2, eq3, eq4, eq5, eq6);
    const int lower2 = lookup(eq1, eq2 + 1, eq3, eq4, eq5, eq6);
    int lower36 = -1;
    if (eq3 == 0 && eq6 == 0)
        lower36 = std::max(lookup(eq1, eq2, 0, eq4, eq5, 1), lookup(eq1, eq2, 1, eq4, eq5, 0));
    else if ((eq3 == 0 && eq6 == 1) || (eq3 == 1 && eq6 == 1))
        lower36 = lookup(eq1, eq2, eq3 + 1, eq4, eq5, eq6);
    else if (eq3 == 1 && eq6 == 0)
        lower36 = lookup(eq1, eq2, eq3, eq4, eq5, eq6 + 1);
    const int lower4 = lookup(eq1, eq2, eq3, eq4 + 1, eq5, eq6);
    const int lower5 = lookup(eq1, eq2, eq3, eq4, eq5 + 1, eq6);

    const int d1 = firstDistance<Eq1Max>(kEq1Max[eq1], [&](const Eq1Max &m, bool &ok) {
        const int a = lv(kLv.av, f.av) - lv(kLv.av, m.av), p = lv(kLv.pr, f.pr) - lv(kLv.pr, m.pr),
                  u = lv(kLv.ui, f.ui) - lv(kLv.ui, m.ui);
        ok = a >= 0 && p >= 0 && u >= 0;
        return a + p + u;
    });
    const int d2 = firstDistance<Eq2Max>(kEq2Max[eq2], [&](const Eq2Max &m, bool &ok) {
        const int c = lv(kLv.ac, f.ac) - lv(kLv.ac, m.ac), t = lv(kLv.at, f.at) - lv(kLv.at, m.at);
        ok = c >= 0 && t >= 0;
        return c + t;
    });
    const int d36 = firstDistance<Eq36Max>(kEq36Max[eq3][eq6], [&](const Eq36Max &m, bool &ok) {
        const int ds[] = {lv(kLv.cia, f.vc) - lv(kLv.cia, m.vc),
                          lv(kLv.cia, f.vi) - lv(kLv.cia, m.vi),
                          lv(kLv.cia, f.va) - lv(kLv.cia, m.va),
                          lv(kLv.req, f.cr) - lv(kLv.req, m.cr),
                          lv(kLv.req, f.ir) - lv(kLv.req, m.ir),
                          lv(kLv.req, f.ar) - lv(kLv.req, m.ar)};
        ok = std::all_of(std::begin(ds), std::end(ds), [](int d) { return d >= 0; });
        int sum = 0;
        for (int d : ds)
            sum += d;
        return sum;
    });
    const int d4 = firstDistance<Eq4Max>(kEq4Max[eq4], [&](const Eq4Max &m, bool &ok) {
        const int c = lv(kLv.sc, f.sc) - lv(kLv.sc, m.sc),
                  i = lv(kLv.sisa, f.si) - lv(kLv.sisa, m.si),
                  a = lv(kLv.sisa, f.sa) - lv(kLv.sisa, m.sa);
        ok = c >= 0 && i >= 0 && a >= 0;
        return c + i + a;
    });

    // score×10 = value - (Σ available_i × distance_i / maxSeverity_i) / n, in exact
    // rationals (all quantities are integers in tenths).
    struct Term
    {
        int available, distance, maxSeverity;
    };
    Term terms[5];
    int n = 0;
    if (lower1 >= 0)
        terms[n++] = {value - lower1, d1, kMaxSevEq1[eq1]};
    if (lower2 >= 0)
        terms[n++] = {value - lower2, d2, kMaxSevEq2[eq2]};
    if (lower36 >= 0)
        terms[n++] = {value - lower36, d36, kMaxSevEq3Eq6[eq3][eq6]};
    if (lower4 >= 0)
        terms[n++] = {value - lower4, d4, kMaxSevEq4[eq4]};
    if (lower5 >= 0)
        terms[n++] = {value - lower5, 0, 1}; // EQ5 counts, but its proportion is always 0

    long long num = value, den = 1;
    if (n > 0) {
        long long prod = 1;
        for (int k = 0; k < n; ++k)
            prod *= terms[k].maxSeverity;
        long long sum = 0;
        for (int k = 0; k < n; ++k)
            sum += static_cast<long long>(terms[k].available) * terms[k].distance *
                   (prod / terms[k].maxSeverity);
        den = prod * n;
        num = value * den - sum;
    }
    if (num <= 0) {
        out.tenths = 0;
        return out;
    }
    // Half up on the exact value.
    long long t = (2 * num + den) / (2 * den);
    out.tenths = static_cast<int>(std::min<long long>(t, 100));
    return out;
}

} // namespace

std::string_view severityName(Severity severity)
{
    switch (severity) {
    case Severity::None:
        return "NONE";
    case Severity::Low:
        return "LOW";
    case Severity::Medium:
        return "MEDIUM";
    case Severity::High:
        return "HIGH";
    case Severity::Critical:
        return "CRITICAL";
    }
    return {};
}

Severity severityOf(Version version, Tenths score)
{
    if (version == Version::V2_0)
        return score < 40 ? Severity::Low : score < 70 ? Severity::Medium : Severity::High;
    if (score <= 0)
        return Severity::None;
    if (score < 40)
        return Severity::Low;
    if (score < 70)
        return Severity::Medium;
    if (score < 90)
        return Severity::High;
    return Severity::Critical;
}

std::string_view nomenclatureName(Nomenclature nomenclature)
{
    switch (nomenclature) {
    case Nomenclature::B:
        return "CVSS-B";
    case Nomenclature::BT:
        return "CVSS-BT";
    case Nomenclature::BE:
        return "CVSS-BE";
    case Nomenclature::BTE:
        return "CVSS-BTE";
    }
    return {};
}

Scores score(const Vector &vector)
{
    Scores s;
    s.version = vector.version();
    const bool temporalDefined = vector.hasDefined(Group::Temporal);
    const bool environmentalDefined = vector.hasDefined(Group::Environmental);
    switch (vector.version()) {
    case Version::V2_0: {
        const V2Result r = scoreV2(vector, true);
        s.base = Tenths(r.base);
        s.temporal = temporalDefined ? Tenths(r.temporal) : NoScore;
        s.environmental = environmentalDefined ? Tenths(r.environmental) : NoScore;
        break;
    }
    case Version::V3_0:
    case Version::V3_1: {
        const V3Tables &t = v3Tables();
        const int v31 = vector.version() == Version::V3_1 ? 1 : 0;
        using namespace v3slot;
        const int x = exploitCombo(idx(kV3Index.av, vector.valueAt(AV)),
                                   idx(kV3Index.ac, vector.valueAt(AC)),
                                   idx(kV3Index.pr, vector.valueAt(PR)),
                                   idx(kV3Index.ui, vector.valueAt(UI)));
        const int cia =
            (idx(kV3Index.cia, vector.valueAt(C)) * 3 + idx(kV3Index.cia, vector.valueAt(I))) * 3 +
            idx(kV3Index.cia, vector.valueAt(A));
        s.base = t.base[v31][idx(kV3Index.s, vector.valueAt(S))][cia][x];
        s.temporal = t.temporal[v31][s.base][temporalCombo(vector)];
        s.environmental = Tenths(environmentalV3(t, vector, v31));
        break;
    }
    case Version::V4_0: {
        s.base = Tenths(scoreV4(v4Effective(vector, false, false)).tenths);
        s.temporal = Tenths(scoreV4(v4Effective(vector, true, false)).tenths);
        const V4Result full = scoreV4(v4Effective(vector, true, true));
        s.environmental = Tenths(full.tenths);
        s.macroVector = full.eq;
        s.nomenclature = temporalDefined
                             ? (environmentalDefined ? Nomenclature::BTE : Nomenclature::BT)
                             : (environmentalDefined ? Nomenclature::BE : Nomenclature::B);
        s.overall = s.environmental;
        return s;
    }
    }
    s.overall = environmentalDefined ? s.environmental : temporalDefined ? s.temporal : s.base;
    return s;
}

Tenths environmentalScore(const Vector &vector)
{
    switch (vector.version()) {
    case Version::V2_0:
        return Tenths(scoreV2(vector, false).environmental);
    case Version::V3_0:
        return Tenths(environmentalV3(v3Tables(), vector, 0));
    case Version::V3_1:
        return Tenths(environmentalV3(v3Tables(), vector, 1));
    case Version::V4_0:
        return Tenths(scoreV4(v4Effective(vector, true, true)).tenths);
    }
    return 0;
}

std::string macroVectorString(const Scores &scores)
{
    std::string out(6, '0');
    for (int k = 0; k < 6; ++k)
        out[k] = char('0' + scores.macroVector[k]);
    return out;
}

int detail::v3AmbiguousRoundings()
{
    v3Tables();
    return g_ambiguous.load();
}

} // namespace patchwise::cvss
