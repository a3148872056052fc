// SPDX-License-Identifier: GPL-3.0-or-later
#include "cvsscalculatorpage.h"

#include "cvsslabels.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFrame>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QScrollArea>
#include <QSignalBlocker>
#include <QVBoxLayout>

namespace patchwise::ui {

using namespace cvss;

namespace {

QString fromView(std::string_view s)
{
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

QString formatTenths(Tenths t)
{
    return t == NoScore ? QStringLiteral("—")
                        : QString::number(t / 10) + u'.' + QString::number(t % 10);
}

constexpr std::array kVersions = {Version::V4_0, Version::V3_1, Version::V3_0, Version::V2_0};

} // namespace

// One score: a title ("Environmental", "CVSS-BTE"), the number and a severity chip.
class ScoreCard : public QFrame
{
public:
    explicit ScoreCard(const QString &objectName, QWidget *parent)
        : QFrame(parent)
    {
        setObjectName(objectName);
        setFrameShape(QFrame::StyledPanel);
        auto *layout = new QVBoxLayout(this);
        m_title = new QLabel(this);
        m_value = new QLabel(this);
        m_value->setObjectName(objectName + QStringLiteral("Value"));
        QFont big = m_value->font();
        big.setPointSizeF(big.pointSizeF() * 2.2);
        big.setBold(true);
        m_value->setFont(big);
        m_severity = new QLabel(this);
        m_severity->setObjectName(objectName + QStringLiteral("Severity"));
        m_severity->setAlignment(Qt::AlignCenter);
        m_severity->setContentsMargins(8, 2, 8, 2);
        m_note = new QLabel(this);
        m_note->setWordWrap(true);
        QPalette muted = m_note->palette();
        muted.setColor(QPalette::WindowText, muted.color(QPalette::PlaceholderText));
        m_note->setPalette(muted);
        layout->addWidget(m_title);
        layout->addWidget(m_value);
        layout->addWidget(m_severity, 0, Qt::AlignLeft);
        layout->addWidget(m_note);
        layout->addStretch();
        setMinimumWidth(180);
    }

    void show(const QString &title, Version version, Tenths t, const QString &note)
    {
        m_title->setText(title);
        m_value->setText(formatTenths(t));
        m_note->setText(note);
        if (t == NoScore) {
            m_severity->setText(tr("not defined"));
            m_severity->setStyleSheet(QString());
            return;
        }
        const Severity s = severityOf(version, t);
        m_severity->setText(fromView(severityName(s)));
        m_severity->setStyleSheet(
            QStringLiteral("background:%1;color:%2;border-radius:3px;font-weight:bold")
                .arg(severityColor(s).name(), severityTextColor(s).name()));
    }

    void clear(const QString &title)
    {
        m_title->setText(title);
        m_value->setText(QStringLiteral("—"));
        m_severity->setText(QString());
        m_severity->setStyleSheet(QString());
        m_note->setText(QString());
    }

private:
    QLabel *m_title;
    QLabel *m_value;
    QLabel *m_severity;
    QLabel *m_note;
};

CvssCalculatorPage::CvssCalculatorPage(QWidget *parent)
    : QWidget(parent)
    , m_vector(Version::V3_1)
{
    auto *layout = new QVBoxLayout(this);

    auto *inputRow = new QHBoxLayout;
    auto *vectorLabel = new QLabel(tr("&Vector:"), this);
    m_vectorEdit = new QLineEdit(this);
    m_vectorEdit->setObjectName(QStringLiteral("vectorEdit"));
    m_vectorEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_vectorEdit->setPlaceholderText(
        tr("Paste a vector: CVSS:4.0/AV:N/…, CVSS:3.1/AV:N/…, or AV:N/AC:L/Au:N/… (v2)"));
    m_vectorEdit->setClearButtonEnabled(true);
    vectorLabel->setBuddy(m_vectorEdit);
    m_newVersion = new QComboBox(this);
    m_newVersion->setObjectName(QStringLiteral("newVersionCombo"));
    m_newVersion->addItem(tr("New vector…"));
    for (Version v : kVersions)
        m_newVersion->addItem(tr("CVSS v%1").arg(fromView(versionName(v))));
    m_newVersion->setToolTip(tr("Start from a fresh vector of the chosen version"));
    inputRow->addWidget(vectorLabel);
    inputRow->addWidget(m_vectorEdit, 1);
    inputRow->addWidget(m_newVersion);
    layout->addLayout(inputRow);

    m_errorLabel = new QLabel(this);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setTextFormat(Qt::PlainText); // messages quote the input: never rich text
    m_errorLabel->setWordWrap(true);
    QPalette errorPalette = m_errorLabel->palette();
    errorPalette.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    m_errorLabel->setPalette(errorPalette);
    m_errorLabel->hide();
    layout->addWidget(m_errorLabel);

    m_versionLabel = new QLabel(this);
    m_versionLabel->setObjectName(QStringLiteral("versionLabel"));
    layout->addWidget(m_versionLabel);

    auto *cards = new QHBoxLayout;
    const char *cardNames[] = {"baseCard", "temporalCard", "environmentalCard"};
    for (int k = 0; k < 3; ++k) {
        m_cards[k] = new ScoreCard(QString::fromLatin1(cardNames[k]), this);
        cards->addWidget(m_cards[k], 1);
    }
    layout->addLayout(cards);

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_editorHost = new QWidget(scroll);
    m_editorLayout = new QGridLayout(m_editorHost);
    m_editorLayout->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_editorLayout->setColumnStretch(2, 1);
    scroll->setWidget(m_editorHost);
    layout->addWidget(scroll, 1);

    connect(m_vectorEdit, &QLineEdit::textEdited, this, &CvssCalculatorPage::onTextEdited);
    connect(m_newVersion, &QComboBox::activated, this, &CvssCalculatorPage::startNewVector);

    m_vectorEdit->setText(QString::fromStdString(m_vector.toString()));
    rebuildEditors();
    showScores();
}

void CvssCalculatorPage::setVectorText(const QString &text)
{
    m_vectorEdit->setText(text);
    onTextEdited(text);
}

QString CvssCalculatorPage::vectorText() const
{
    return m_vectorEdit->text();
}

void CvssCalculatorPage::onTextEdited(const QString &text)
{
    const QByteArray utf8 = text.trimmed().toUtf8();
    const Result<Vector> parsed =
        Vector::parse(std::string_view(utf8.constData(), std::size_t(utf8.size())));
    m_inputValid = parsed.hasValue();
    if (!m_inputValid) {
        m_errorLabel->setText(
            tr("Not a valid vector: %1").arg(QString::fromStdString(parsed.error())));
        m_errorLabel->show();
        for (int k = 0; k < 3; ++k)
            m_cards[k]->clear(QString());
        m_editorHost->setEnabled(false);
        return;
    }
    m_errorLabel->hide();
    m_editorHost->setEnabled(true);
    m_vector = *parsed;
    if (int(m_vector.version()) != m_editorVersion)
        rebuildEditors();
    else
        syncEditors();
    showScores();
}

void CvssCalculatorPage::startNewVector(int versionIndex)
{
    if (versionIndex <= 0)
        return;
    m_newVersion->setCurrentIndex(0);
    m_vector = Vector(kVersions[std::size_t(versionIndex - 1)]);
    m_inputValid = true;
    m_errorLabel->hide();
    m_editorHost->setEnabled(true);
    m_vectorEdit->setText(QString::fromStdString(m_vector.toString()));
    rebuildEditors();
    showScores();
}

void CvssCalculatorPage::rebuildEditors()
{
    for (QComboBox *combo : m_editors)
        combo->deleteLater();
    m_editors.clear();
    while (QLayoutItem *item = m_editorLayout->takeAt(0)) {
        if (QWidget *w = item->widget())
            w->deleteLater();
        delete item;
    }

    const Version version = m_vector.version();
    m_editorVersion = int(version);
    const auto defs = metricDefs(version);
    m_editors.resize(defs.size(), nullptr);
    const Group groups[] = {
        Group::Base, Group::Temporal, Group::Environmental, Group::Supplemental};
    // Two columns: base, temporal/threat and supplemental on the left, the (long)
    // environmental group on the right, so even v4.0 fits a laptop screen.
    int rows[2] = {0, 0};
    for (Group group : groups) {
        auto *box = new QGroupBox(cvssGroupTitle(version, group), m_editorHost);
        auto *form = new QFormLayout(box);
        form->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
        for (std::size_t slot = 0; slot < defs.size(); ++slot) {
            const MetricDef &def = defs[slot];
            if (def.group != group)
                continue;
            auto *combo = new QComboBox(box);
            const QString abbreviation = fromView(metricName(def.metric));
            combo->setObjectName(QStringLiteral("metric_") + abbreviation);
            for (Value v : def.values)
                combo->addItem(fromView(valueName(v)) + QStringLiteral(" — ") +
                                   cvssValueTitle(version, def.metric, v),
                               int(v));
            auto *label = new QLabel(cvssMetricTitle(version, def.metric) + QStringLiteral(" (") +
                                         abbreviation + u')',
                                     box);
            label->setBuddy(combo);
            form->addRow(label, combo);
            m_editors[slot] = combo;
            connect(combo, &QComboBox::activated, this, [this, slot = int(slot)] {
                onMetricEdited(slot);
            });
        }
        if (form->rowCount() == 0) {
            delete box;
            continue;
        }
        const int column = group == Group::Environmental ? 1 : 0;
        m_editorLayout->addWidget(box, rows[column]++, column, Qt::AlignTop);
    }
    syncEditors();
}

void CvssCalculatorPage::syncEditors()
{
    const Value notDefined = notDefinedValue(m_vector.version());
    for (std::size_t slot = 0; slot < m_editors.size(); ++slot) {
        QComboBox *combo = m_editors[slot];
        if (!combo)
            continue;
        Value v = m_vector.valueAt(int(slot));
        if (v == Value::Absent)
            v = notDefined;
        const QSignalBlocker blocker(combo);
        combo->setCurrentIndex(combo->findData(int(v)));
    }
}

void CvssCalculatorPage::onMetricEdited(int slot)
{
    QComboBox *combo = m_editors[std::size_t(slot)];
    const auto value = Value(combo->currentData().toInt());
    const Metric metric = metricDefs(m_vector.version())[std::size_t(slot)].metric;
    // "Not defined" removes the metric, so the vector string stays as short as possible.
    if (value == notDefinedValue(m_vector.version()))
        m_vector.clear(metric);
    else
        m_vector.set(metric, value);
    m_vectorEdit->setText(QString::fromStdString(m_vector.toString()));
    m_inputValid = true;
    m_errorLabel->hide();
    showScores();
}

void CvssCalculatorPage::showScores()
{
    const Version version = m_vector.version();
    const Scores s = score(m_vector);
    m_versionLabel->setText(tr("CVSS v%1").arg(fromView(versionName(version))));
    if (version == Version::V4_0) {
        m_cards[0]->show(tr("CVSS-B (base metrics)"), version, s.base, QString());
        m_cards[1]->show(tr("CVSS-BT (with threat)"), version, s.temporal, QString());
        m_cards[2]->show(
            tr("%1 — the score of this vector").arg(fromView(nomenclatureName(s.nomenclature))),
            version,
            s.environmental,
            tr("MacroVector %1").arg(QString::fromStdString(macroVectorString(s))));
        return;
    }
    m_cards[0]->show(tr("Base"), version, s.base, QString());
    m_cards[1]->show(tr("Temporal"),
                     version,
                     s.temporal,
                     s.temporal == NoScore ? tr("No temporal metric is set.") : QString());
    QString envNote;
    if (s.environmental == NoScore)
        envNote = tr("No environmental metric is set.");
    else if (!m_vector.hasDefined(Group::Environmental) && s.environmental != s.base)
        envNote = tr("Differs from the base score with no environmental metric set: CVSS v3.1's "
                     "modified-impact formula for a changed scope.");
    m_cards[2]->show(tr("Environmental"), version, s.environmental, envNote);
}

} // namespace patchwise::ui
