using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace SmartCustoms.Targeting;

/// <summary>The rows ML.NET sees: a label and the encoded feature vector.</summary>
internal sealed class FeatureRow
{
    public bool Label { get; set; }
    public float[] Features { get; set; } = [];
}

/// <summary>What ML.NET's binary scorer produces.</summary>
internal sealed class ScoredRow
{
    public float Score { get; set; }
    public float Probability { get; set; }
    public bool PredictedLabel { get; set; }
}

internal static class MlNetData
{
    /// <summary>The feature column's size is known only at run time to the attribute-free row class: declare it here.</summary>
    public static SchemaDefinition InputSchema()
    {
        var schema = SchemaDefinition.Create(typeof(FeatureRow));
        schema[nameof(FeatureRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, FeatureEncoder.FeatureCount);
        return schema;
    }

    public static IDataView Load(MLContext ml, IEnumerable<FeatureRow> rows) => ml.Data.LoadFromEnumerable(rows, InputSchema());

    /// <summary>The tree ensemble and calibrator inside a trained or loaded LightGBM binary transformer.</summary>
    public static TreeEnsembleScorer ExtractScorer(ITransformer transformer) =>
        transformer is ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase<LightGbmBinaryModelParameters, PlattCalibrator> model }
            ? new TreeEnsembleScorer(model.SubModel.TrainedTreeEnsemble, model.Calibrator)
            : throw new InvalidDataException($"the ML.NET model is a {transformer?.GetType().Name ?? "null"}, not a calibrated LightGBM binary model");
}
