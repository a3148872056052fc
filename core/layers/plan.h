// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "layerview.h"
#include "risk/engine.h"
#include "util/result.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

// The fleet-wide remediation plan (`patchwise-cli plan`): every open finding is assigned to
// exactly one action — the base-image update that fixes it, else an upgrade of its package
// in its image, else the "no fix available" group of its image with the mitigations that
// lower its risk — and actions are ordered by the risk they remove. A simulation applies a
// chosen set of actions to a copy of the facts and rescores it.
namespace patchwise::layers {

enum class ActionKind : std::uint8_t
{
    BaseImageUpdate,
    PackageUpgrade,
    NoFix,
};
std::string_view
actionKindName(ActionKind kind); // "base-image-update", "package-upgrade", "no-fix"

// Mitigations for findings without a fix, in the order they are listed.
enum Mitigation : std::uint8_t
{
    RemoveInternetExposure = 1, // a running container is reachable from the internet
    DropPrivileges = 2,         // a running container is privileged or shares a host namespace
    RunAsNonRoot = 4,           // a running container runs as root
};
std::vector<std::string_view> mitigationNames(std::uint8_t mitigations);

struct RemediationAction
{
    std::uint32_t rank = 0; // 1-based position in the plan
    ActionKind kind = ActionKind::NoFix;
    // base-image-update: the base's name ("" when only its layers are known); package-upgrade:
    // the package; no-fix: the image.
    std::string target;
    std::string targetDigest;                   // base-image-update: the base's digest, if known
    std::string version;                        // package-upgrade: the version to upgrade to
    std::vector<std::string> installedVersions; // package-upgrade, sorted
    std::string packageType;                    // package-upgrade
    std::string detectedBy, confidence; // base-image-update: the least sure among its images
    int baseLayers = -1;                // base-image-update: the base's layer count
    std::vector<std::uint32_t> images;  // Facts::images indices, sorted
    int runningContainers = 0;
    // Fact-table indices of the findings it fixes (no-fix: those it groups), workspace order.
    std::vector<std::uint32_t> findings;
    int findingsFixed = 0;           // 0 for no-fix
    std::array<int, 5> bySeverity{}; // of `findings`: critical, high, medium, low, unknown
    double riskRemoved = 0;          // no-fix: what the mitigations remove from its findings
    int slaBreaches = 0;             // breached SLAs among the findings it fixes
    std::uint8_t mitigations = 0;    // no-fix: Mitigation bits
};

// Fleet totals under one scoring.
struct PlanTotals
{
    int images = 0;
    int runningContainers = 0;
    int openFindings = 0;
    int fixableFindings = 0;
    std::array<int, 5> bySeverity{};
    double totalRisk = 0;
    int slaBreaches = 0;
    std::array<int, 6> grades{}; // images graded A … F
};
// `scope` as in buildPlan(): only findings in scope count, and only the images holding one
// (their running containers, and their grades as the whole image has them).
PlanTotals planTotals(const risk::Scoring &scoring, const std::vector<bool> &scope = {});

struct RemediationPlan
{
    PlanTotals totals;
    double riskRemovable = 0; // by the fix actions
    std::vector<RemediationAction> actions;
};

// Builds the plan from a scoring and the base attribution of the same workspace (`images`
// and `bases` from Workspace::imageLayers() and detectBaseImages(), `flags` from
// baseAttribution()). Order: actions that fix breached SLAs first, then by risk removed,
// findings fixed, kind, target.
// `scope` (one flag per finding; empty = every finding) limits the plan to the open
// findings it marks, for example those a filter selects: only they join actions, actions
// left without findings are dropped, and the totals are those of the scope.
RemediationPlan buildPlan(const risk::Scoring &scoring,
                          const std::vector<store::ImageLayers> &images,
                          const std::vector<std::optional<BaseImage>> &bases,
                          const std::vector<BaseFlags> &flags,
                          const std::vector<bool> &scope = {});

struct ImageChange
{
    std::uint32_t image = 0; // Facts::images index
    char gradeBefore = 'A', gradeAfter = 'A';
    double riskBefore = 0, riskAfter = 0;
    int openBefore = 0, openAfter = 0;
};

struct Simulation
{
    std::vector<std::uint32_t> applied; // ranks, ascending
    PlanTotals before, after;
    int findingsFixed = 0;
    int slaBreachesAvoided = 0;
    int runningContainersUpdated = 0; // running containers of the images the actions change
    std::vector<ImageChange> images;  // images whose grade, risk or open findings change
};

// Applies the actions with the given ranks: their fixed findings are resolved, no-fix
// actions' mitigations are applied to their images, and everything is rescored under the
// same policy. Fails on a rank the plan does not have.
Result<Simulation> simulate(const risk::Scoring &scoring,
                            const RemediationPlan &plan,
                            const std::vector<std::uint32_t> &ranks);

} // namespace patchwise::layers
