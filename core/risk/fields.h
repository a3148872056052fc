// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

// The columns of a scored finding that the filter language, sorting and the CLI share.
// The GUI's triage table (issue 6) uses the same catalogue, so a filter typed in one works
// in the other.
namespace patchwise::risk {

enum class Field : std::uint8_t
{
    Severity,   // effective severity (Severity ordinal: 0 unknown, 1 low … 4 critical)
    Cvss,       // effective CVSS score 0–10 (environmental); -1 when the finding has none
    Risk,       // risk score 0–10
    Rank,       // 1 = fix first
    Epss,       // EPSS probability 0–1; -1 when unknown
    Kev,        // in CISA KEV (or the scanner said known exploited)
    Ransomware, // KEV lists known ransomware use
    Fixable,    // a fixed version exists
    Exposed,    // a running container of the image is reachable from the internet
    Privileged, // a running container is privileged or shares a host namespace
    Root,       // a running container runs as root (the image's default when none runs)
    Shell,      // the image has a shell (true when unknown)
    Running,    // the image has running containers
    Containers, // running containers of the image
    Days,       // days a vulnerable container has been running since first seen
    Breached,   // SLA due date passed
    Decision,   // SSVC decision ordinal: 0 track, 1 track*, 2 attend, 3 act
    Image,      // image name
    Digest,     // image config digest
    Vuln,       // vulnerability id
    Package,    // package name
    Version,    // installed version
    Type,       // package type (deb, npm, …)
    Source,     // where the effective severity came from
    Namespace,  // namespaces the image runs in, space separated
    Fix,        // fixed versions, space separated
    Suppressed, // the scanner marked it suppressed/ignored
    Resolved,   // no longer reported by the latest scan of its image
    InBase,     // the package sits in a base-image layer (false when unknown)
    BaseFix,    // updating the base image fixes it
    Triage,     // the analyst's decision: new, in-triage, … fixed (model::TriageState)
};
inline constexpr int FieldCount = static_cast<int>(Field::Triage) + 1;

enum class FieldType : std::uint8_t
{
    Number,
    Bool,
    Severity, // ordered: unknown < low < medium < high < critical
    Decision, // ordered: track < track* < attend < act
    Text,
};

struct FieldInfo
{
    Field field;
    FieldType type;
    std::string_view name;                     // the name used in filters and --sort
    std::string_view jsonName;                 // the key in `patchwise-cli findings` JSON
    std::span<const std::string_view> aliases; // further accepted names (lower case)
    std::string_view description;
};

std::span<const FieldInfo> fieldInfos(); // in Field order
const FieldInfo &fieldInfo(Field field);
// Case-insensitive lookup by name, JSON name or alias; nullptr when unknown.
const FieldInfo *findField(std::string_view name);
// The known spelling (name, JSON name or alias, as catalogued) closest to an unknown `name`
// by case-insensitive edit distance: at most 1 edit for names of up to 3 characters, at
// most 2 otherwise. Empty when nothing is that close. For "did you mean" hints.
std::string_view suggestFieldName(std::string_view name);

// Values of the rows a filter or a sort runs over. number() serves Number, Bool (0/1),
// Severity and Decision fields (their ordinals); text() serves Text fields. Implementations
// must be safe to call from several threads at once.
class RowSource
{
public:
    virtual ~RowSource() = default;
    virtual std::size_t rowCount() const = 0;
    virtual double number(Field field, std::size_t row) const = 0;
    virtual std::string_view text(Field field, std::size_t row) const = 0;
    // An id shared by every row with the same text(field, row) (for example an index into
    // a string pool), or -1 when the source has none. Lets a filter test each distinct
    // string once.
    virtual std::int64_t textKey(Field, std::size_t) const { return -1; }
    // Optional fast path for sorting: writes for each of `rows` an unsigned integer that
    // orders (and ties) exactly as number(field, row) does, and returns true; false when
    // the source has none for `field`. Sources with cheap integer-valued fields implement
    // it so sorting skips the double conversion and sorts narrow keys.
    virtual bool ordinalKeys(Field, std::span<const std::uint32_t>, std::span<std::uint64_t>) const
    {
        return false;
    }
};

} // namespace patchwise::risk
