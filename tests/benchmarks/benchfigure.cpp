#include "benchfigure.h"

#include <QElapsedTimer>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace nrdb::bench {

void printFigure(const QString &name, double ours, double reference, const QString &unit, const QString &goal)
{
    const double ratio = reference > 0 ? ours / reference : 0.0;
    std::printf("FIGURE\t%s\t%.1f %s\t%.1f %s\t%.2fx\t%s\n", qPrintable(name), ours, qPrintable(unit), reference,
                qPrintable(unit), ratio, qPrintable(goal));
    std::fflush(stdout);
}

void printFigureBeyondLimit(const QString &name, double ours, double limit, const QString &unit, const QString &goal)
{
    std::printf("FIGURE\t%s\t%.1f %s\t> %.0f %s (stopped)\t< %.3fx\t%s\n", qPrintable(name), ours, qPrintable(unit),
                limit, qPrintable(unit), ours / limit, qPrintable(goal));
    std::fflush(stdout);
}

void printPlainFigure(const QString &name, double value, const QString &unit, const QString &goal)
{
    std::printf("FIGURE\t%s\t%.1f %s\t-\t-\t%s\n", qPrintable(name), value, qPrintable(unit), qPrintable(goal));
    std::fflush(stdout);
}

namespace {

double medianOf(std::vector<double> times)
{
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

} // namespace

double medianMilliseconds(int runs, const std::function<void()> &fn)
{
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        fn();
        times.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
    }
    return medianOf(std::move(times));
}

void Rounds::add(const QString &name, std::function<double()> run)
{
    m_contenders.push_back({name, std::move(run), {}});
}

void Rounds::run(int rounds)
{
    const size_t count = m_contenders.size();
    for (int round = 0; round < rounds; ++round) {
        for (size_t i = 0; i < count; ++i) {
            Contender &contender = m_contenders[(size_t(round) + i) % count];
            contender.times.push_back(contender.run());
            std::fprintf(stderr, "round %d: %s %.1f ms\n", round + 1, qPrintable(contender.name),
                         contender.times.back());
        }
    }
}

double Rounds::median(int contender) const
{
    return medianOf(m_contenders.at(size_t(contender)).times);
}

double Rounds::medianRatio(int contender, int reference) const
{
    const std::vector<double> &ours = m_contenders.at(size_t(contender)).times;
    const std::vector<double> &theirs = m_contenders.at(size_t(reference)).times;
    std::vector<double> ratios;
    for (size_t round = 0; round < ours.size() && round < theirs.size(); ++round)
        ratios.push_back(ours[round] / theirs[round]);
    return medianOf(std::move(ratios));
}

void Rounds::printFigure(const QString &name, int contender, int reference, const QString &goal) const
{
    std::printf("FIGURE\t%s\t%.1f ms\t%.1f ms\t%.2fx\t%s\n", qPrintable(name), median(contender), median(reference),
                medianRatio(contender, reference), qPrintable(goal));
    std::fflush(stdout);
}

} // namespace nrdb::bench
