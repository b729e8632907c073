#pragma once

#include <QString>

#include <functional>
#include <vector>

namespace nrdb::bench {

// One row of the benchmark table: our figure against the raw tool's, measured in this run.
// Printed as a tab-separated line starting with FIGURE, which tests/benchmarks/run collects.
void printFigure(const QString &name, double ours, double reference, const QString &unit, const QString &goal);

// A row whose raw tool did not finish within `limit`: the ratio is an upper bound.
void printFigureBeyondLimit(const QString &name, double ours, double limit, const QString &unit, const QString &goal);

// A row that is a plain figure, with no reference tool to compare to.
void printPlainFigure(const QString &name, double value, const QString &unit, const QString &goal);

// Wall time of fn in milliseconds: the median of `runs` runs.
double medianMilliseconds(int runs, const std::function<void()> &fn);

// Contenders timed against each other: each runs once a round, the round's first contender
// rotating, so that no tool always runs first (after the fill, or after another's writes).
// Each contender returns its own wall time in milliseconds; run() prints every time to stderr.
class Rounds {
public:
    void add(const QString &name, std::function<double()> run);
    void run(int rounds);
    double median(int contender) const;
    // The median of the rounds' own ratios (contender / reference, each pair from one round):
    // steadier than the ratio of medians when the machine's speed drifts between rounds.
    double medianRatio(int contender, int reference) const;
    // A figure row: the medians of both, and the median ratio.
    void printFigure(const QString &name, int contender, int reference, const QString &goal) const;

private:
    struct Contender {
        QString name;
        std::function<double()> run;
        std::vector<double> times;
    };
    std::vector<Contender> m_contenders;
};

} // namespace nrdb::bench
