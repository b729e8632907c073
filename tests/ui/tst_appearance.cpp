// Light, Dark and System as real widgets: the choice is kept, every widget follows it at once,
// and the colours that mean something stay legible on both palettes.
#include "appearance.h"
#include "diagrampage.h"
#include "diagramscene.h"
#include "settingsdialog.h"
#include "verifyreportview.h"

#include "jobs/jobrunner.h"
#include "model/verifyreport.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest/QtTest>

#include <algorithm>

using namespace nrdb;

namespace {

// WCAG's contrast ratio of two colours: 1 (none) to 21 (black on white).
double contrast(const QColor &a, const QColor &b)
{
    const auto luminance = [](const QColor &colour) {
        const auto channel = [](double value) {
            return value <= 0.03928 ? value / 12.92 : std::pow((value + 0.055) / 1.055, 2.4);
        };
        return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF());
    };
    const double lighter = std::max(luminance(a), luminance(b));
    const double darker = std::min(luminance(a), luminance(b));
    return (lighter + 0.05) / (darker + 0.05);
}

} // namespace

class TestAppearance : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
        QCoreApplication::setOrganizationName(QStringLiteral("NetRavenTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_appearance"));
    }

    void cleanup() { applyAppearance(Appearance::System); }

    // Every tone reads on both palettes' base and window at 4.5:1 at least (WCAG AA for text).
    void tonesAreLegibleOnBothPalettes()
    {
        for (Appearance look : {Appearance::Light, Appearance::Dark}) {
            applyAppearance(look);
            const QPalette palette = QApplication::palette();
            QCOMPARE(isDark(palette), look == Appearance::Dark);
            for (Tone tone : {Tone::Good, Tone::Bad, Tone::Warning, Tone::Info, Tone::Cascade})
                for (QPalette::ColorRole ground : {QPalette::Base, QPalette::Window}) {
                    const double ratio = contrast(toneColor(tone, palette), palette.color(ground));
                    QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("%1: tone %2 on role %3 is %4:1")
                                                          .arg(appearanceLabel(look))
                                                          .arg(int(tone))
                                                          .arg(int(ground))
                                                          .arg(ratio, 0, 'f', 2)));
                }
            const double text = contrast(palette.color(QPalette::Text), palette.color(QPalette::Base));
            QVERIFY2(text >= 7, qPrintable(QString::number(text)));
        }
    }

    // An unchecked check box still shows its box on the dark palette (Fusion alone draws it in
    // next to the colour of what is behind it).
    void uncheckedBoxesShowOnTheDarkPalette()
    {
        applyAppearance(Appearance::Dark);
        QWidget backdrop;
        backdrop.setAutoFillBackground(true);
        backdrop.setBackgroundRole(QPalette::Base);
        auto *box = new QCheckBox(QStringLiteral("Keep owners"), &backdrop);
        backdrop.resize(200, 40);
        const QImage drawn = backdrop.grab().toImage();
        const QColor base = QApplication::palette().color(QPalette::Base);
        int outline = 0;
        for (int y = 0; y < drawn.height(); ++y)
            for (int x = box->x(); x < box->x() + 18; ++x)
                outline += contrast(drawn.pixelColor(x, y), base) >= 2.0 ? 1 : 0;
        QVERIFY2(outline >= 20, qPrintable(QString::number(outline)));
    }

    // Settings keeps the choice and applies it: the verdict and the diagram's marks follow at once.
    void settingsAppliesTheChoiceAndWidgetsFollow()
    {
        JobRunner runner;
        VerifyReportView verify;
        verify.showReport(VerifyReport{}); // no differences: the good tone
        DiagramPage diagram(&runner);
        auto *verdict = verify.findChild<QLabel *>(QStringLiteral("verifyVerdict"));
        applyAppearance(Appearance::Light);
        QCOMPARE(verdict->palette().color(QPalette::WindowText), toneColor(Tone::Good, QApplication::palette()));

        SettingsDialog settings(&runner, 0);
        auto *choice = settings.findChild<QComboBox *>(QStringLiteral("appearanceChoice"));
        QCOMPARE(choice->currentText(), QStringLiteral("System"));
        choice->setCurrentIndex(choice->findText(QStringLiteral("Dark")));
        settings.accept();
        QVERIFY(runner.waitForIdle(20000));
        QCOMPARE(savedAppearance(), Appearance::Dark);
        QVERIFY(isDark(QApplication::palette()));
        QTRY_COMPARE(verdict->palette().color(QPalette::WindowText), toneColor(Tone::Good, QApplication::palette()));
        QTRY_VERIFY(isDark(diagram.scene()->style().palette()));
        QCOMPARE(diagram.scene()->style().statusColor(DiagramStatus::Missing),
                 toneColor(Tone::Bad, QApplication::palette()));
        QCOMPARE(diagram.scene()->style().cascadeEdge(), toneColor(Tone::Cascade, QApplication::palette()));

        // Back to the desktop's own look.
        SettingsDialog again(&runner, 0);
        auto *choiceAgain = again.findChild<QComboBox *>(QStringLiteral("appearanceChoice"));
        QCOMPARE(choiceAgain->currentText(), QStringLiteral("Dark"));
        choiceAgain->setCurrentIndex(choiceAgain->findText(QStringLiteral("System")));
        again.accept();
        QVERIFY(runner.waitForIdle(20000));
        QCOMPARE(savedAppearance(), Appearance::System);
    }

private:
    QTemporaryDir m_settingsDir;
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
