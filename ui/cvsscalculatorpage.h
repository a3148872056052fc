// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cvss/cvssscore.h"
#include "cvss/cvssvector.h"

#include <QWidget>
#include <array>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;

namespace patchwise::ui {

class ScoreCard;

// Paste or type a CVSS vector (any version) and see its scores; change any metric in the
// editors below and see every score change at once — the what-if of one vector. The
// vector text and the editors stay in sync; text that does not validate shows the
// engine's message inline and keeps the last valid vector in the editors.
class CvssCalculatorPage : public QWidget
{
    Q_OBJECT

public:
    explicit CvssCalculatorPage(QWidget *parent = nullptr);

    // As if the user had typed text into the vector field.
    void setVectorText(const QString &text);
    QString vectorText() const;

    // The last vector that validated.
    const cvss::Vector &vector() const { return m_vector; }
    bool isInputValid() const { return m_inputValid; }

private:
    void onTextEdited(const QString &text);
    void startNewVector(int versionIndex);
    void onMetricEdited(int slot);
    void rebuildEditors();
    void syncEditors();
    void showScores();

    cvss::Vector m_vector;
    bool m_inputValid = true;
    QLineEdit *m_vectorEdit = nullptr;
    QComboBox *m_newVersion = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_versionLabel = nullptr;
    std::array<ScoreCard *, 3> m_cards{};
    QWidget *m_editorHost = nullptr;
    QGridLayout *m_editorLayout = nullptr;
    std::vector<QComboBox *> m_editors; // one per metric slot of m_vector's version
    int m_editorVersion = -1;
};

} // namespace patchwise::ui
