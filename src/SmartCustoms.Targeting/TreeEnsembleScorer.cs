using Microsoft.ML.Calibrators;
using Microsoft.ML.Trainers.FastTree;

namespace SmartCustoms.Targeting;

/// <summary>
/// The trained tree ensemble copied into flat arrays and walked by a plain loop: the same arithmetic as ML.NET
/// (go left when feature ≤ threshold, sum of weighted leaf values plus bias, Platt calibration) without its
/// per-call machinery, and without allocating.
/// </summary>
/// <remarks>
/// Walking one tree is a chain of dependent loads, so trees are walked <see cref="Lanes"/> at a time, interleaved,
/// for a fixed number of steps (the deepest of the group). Leaves are nodes whose two children are themselves, so a
/// tree that has arrived stays put, and children sit in pairs so the step is an index, not a mispredicted branch.
/// </remarks>
internal sealed class TreeEnsembleScorer
{
    private const int Lanes = 8;

    // Feature and threshold side by side: a step reads one 8-byte record, then its pair of children.
    private readonly Split[] _splits;
    private readonly int[] _children;   // [2n] left, [2n + 1] right
    private readonly double[] _value;   // weighted leaf value of a leaf node, 0 for a split
    private readonly int[] _roots;      // padded to a multiple of Lanes with empty trees
    private readonly int[] _groupDepth; // steps to walk each group of Lanes trees
    private readonly double _bias;
    private readonly double _slope;
    private readonly double _offset;

    public TreeEnsembleScorer(TreeEnsemble<RegressionTree> ensemble, PlattCalibrator calibrator)
    {
        ArgumentNullException.ThrowIfNull(ensemble);
        ArgumentNullException.ThrowIfNull(calibrator);
        var trees = ensemble.Trees;
        TreeCount = trees.Count;
        var padded = (trees.Count + Lanes - 1) / Lanes * Lanes;
        var total = trees.Sum(t => t.NumberOfNodes + t.NumberOfLeaves) + (padded - trees.Count);
        _splits = new Split[total];
        _children = new int[2 * total];
        _value = new double[total];
        _roots = new int[padded];
        var depths = new int[padded];
        _bias = ensemble.Bias;
        _slope = calibrator.Slope;
        _offset = calibrator.Offset;

        var next = 0;
        for (var t = 0; t < padded; t++)
        {
            if (t >= trees.Count)
            {
                _roots[t] = AddLeaf(ref next, 0.0); // an empty tree adds nothing
                continue;
            }

            var tree = trees[t];
            if (tree.CategoricalSplitFlags.Any(flag => flag))
            {
                throw new InvalidDataException("the ensemble uses categorical splits, which the flat scorer does not implement");
            }

            var weight = ensemble.TreeWeights[t];
            // Leaves first, then splits: ML.NET numbers a leaf l as child ~l.
            var leafBase = next;
            for (var l = 0; l < tree.NumberOfLeaves; l++)
            {
                AddLeaf(ref next, tree.LeafValues[l] * weight);
            }

            var splitBase = next;
            for (var n = 0; n < tree.NumberOfNodes; n++)
            {
                var at = next++;
                _splits[at] = new Split(tree.NumericalSplitFeatureIndexes[n], tree.NumericalSplitThresholds[n]);
                _children[2 * at] = Child(tree.LeftChild[n]);
                _children[2 * at + 1] = Child(tree.RightChild[n]);
            }

            // A tree without a split is a single leaf.
            _roots[t] = tree.NumberOfNodes == 0 ? leafBase : splitBase;
            depths[t] = Depth(tree, 0);

            int Child(int child) => child >= 0 ? splitBase + child : leafBase + ~child;
        }

        _groupDepth = [.. Enumerable.Range(0, padded / Lanes).Select(g => depths.Skip(g * Lanes).Take(Lanes).Max())];
        MaxFeatureIndex = trees.Count == 0 ? -1 : trees.SelectMany(t => t.NumericalSplitFeatureIndexes).DefaultIfEmpty(-1).Max();
    }

    public int TreeCount { get; }
    public int MaxFeatureIndex { get; }

    private int AddLeaf(ref int next, double value)
    {
        var at = next++;
        _children[2 * at] = at;
        _children[2 * at + 1] = at;
        _value[at] = value;
        return at;
    }

    private static int Depth(RegressionTree tree, int node)
    {
        if (tree.NumberOfNodes == 0)
        {
            return 0;
        }

        var left = tree.LeftChild[node];
        var right = tree.RightChild[node];
        return 1 + Math.Max(left >= 0 ? Depth(tree, left) : 0, right >= 0 ? Depth(tree, right) : 0);
    }

    /// <summary>The raw ensemble output (log-odds like).</summary>
    public double Raw(ReadOnlySpan<float> features)
    {
        var sum = 0.0;
        var splits = _splits;
        var children = _children;
        for (var g = 0; g < _groupDepth.Length; g++)
        {
            var t = g * Lanes;
            int n0 = _roots[t], n1 = _roots[t + 1], n2 = _roots[t + 2], n3 = _roots[t + 3];
            int n4 = _roots[t + 4], n5 = _roots[t + 5], n6 = _roots[t + 6], n7 = _roots[t + 7];
            for (var step = _groupDepth[g]; step > 0; step--)
            {
                n0 = children[2 * n0 + splits[n0].Side(features)];
                n1 = children[2 * n1 + splits[n1].Side(features)];
                n2 = children[2 * n2 + splits[n2].Side(features)];
                n3 = children[2 * n3 + splits[n3].Side(features)];
                n4 = children[2 * n4 + splits[n4].Side(features)];
                n5 = children[2 * n5 + splits[n5].Side(features)];
                n6 = children[2 * n6 + splits[n6].Side(features)];
                n7 = children[2 * n7 + splits[n7].Side(features)];
            }

            sum += _value[n0] + _value[n1] + _value[n2] + _value[n3] + _value[n4] + _value[n5] + _value[n6] + _value[n7];
        }

        return sum + _bias;
    }

    /// <summary>The calibrated probability, as ML.NET's Platt calibrator computes it.</summary>
    public float Probability(ReadOnlySpan<float> features) => (float)(1.0 / (1.0 + Math.Exp(_slope * Raw(features) + _offset)));

    private readonly record struct Split(int Feature, float Threshold)
    {
        /// <summary>0 for the left child, 1 for the right: ML.NET goes left when value ≤ threshold (NaN goes right there, and here too).</summary>
        public int Side(ReadOnlySpan<float> features) => features[Feature] <= Threshold ? 0 : 1;
    }
}
