namespace SmartCustoms.Domain.Risk;

/// <summary>
/// A fraud model as the risk engine uses it: a contribution to the score on the criteria's weight scale, and the
/// reasons for it in words an officer understands.
/// </summary>
public interface IRiskModel
{
    /// <summary>Which model this is, as shown in explanations (e.g. <c>model 4</c>).</summary>
    string Name { get; }

    /// <summary>Points added to the criteria's weights: 0 for nothing suspicious, up to the weight the node gives the model.</summary>
    decimal Score(RiskSubject subject);

    /// <summary>The features that pushed the score most, at most <paramref name="top"/>, most important first.</summary>
    IReadOnlyList<string> Explain(RiskSubject subject, int top);
}
