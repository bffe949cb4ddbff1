namespace SmartCustoms.Domain.Risk;

/// <summary>The shipped example criteria (Risk/Data/example-criteria.json): a starting point for analysts and a fixture for the engine.</summary>
public static class ExampleCriteria
{
    public const string ResourceName = "SmartCustoms.Risk.example-criteria.json";

    public static IReadOnlyList<CriterionDocument> Load()
    {
        using var stream = typeof(ExampleCriteria).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The example criteria are missing from the assembly.");
        using var reader = new StreamReader(stream);
        return CriterionJson.ParseList(reader.ReadToEnd()).Match(
            documents => documents,
            refusal => throw new InvalidOperationException($"The example criteria do not read: {refusal.Issues[0].Pointer} {refusal.Issues[0].Message}"));
    }
}
