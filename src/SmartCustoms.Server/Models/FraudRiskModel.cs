using SmartCustoms.Domain.Risk;
using SmartCustoms.Targeting;

namespace SmartCustoms.Server.Models;

/// <summary>
/// The active fraud model in the risk engine: its probability times the node's model weight joins the criteria's
/// weights, and its strongest features are the model's reasons in the explanation.
/// </summary>
public sealed class FraudRiskModel(long id, FraudModel model, decimal weight) : IRiskModel
{
    public long Id => id;

    public FraudModel Model => model;

    public string Name { get; } = $"model {id}";

    public decimal Score(RiskSubject subject)
    {
        ArgumentNullException.ThrowIfNull(subject);
        var probability = model.Score(TargetingRecord.From(subject.Declaration, subject.Duties));
        return Math.Round(weight * (decimal)Math.Clamp(probability, 0f, 1f), 2, MidpointRounding.AwayFromZero);
    }

    public IReadOnlyList<string> Explain(RiskSubject subject, int top)
    {
        ArgumentNullException.ThrowIfNull(subject);
        return [.. model.Explain(TargetingRecord.From(subject.Declaration, subject.Duties), top).Select(c => c.Description)];
    }
}
