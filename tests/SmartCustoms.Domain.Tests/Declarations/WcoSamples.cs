using SmartCustoms.Domain.Declarations.Wco;

namespace SmartCustoms.Domain.Tests.Declarations;

/// <summary>The HMRC DMS 3.6 samples copied beside the tests (see Samples/README.md), and small hand-made documents.</summary>
internal static class WcoSamples
{
    public const string Import = "Step1_TT_IM001a.xml";
    public const string Export = "TT_EX001a.xml";
    public const string AggregatedSupplementary = "IMZ_Aggregated_Supplementary_Declaration.xml";

    public static WcoReadResult Read(string sample)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Declarations", "Samples", sample));
        return WcoDeclarationReader.Read(stream);
    }

    /// <summary>A bare DEC-DMS Declaration around the given body.</summary>
    public static string Bare(string body) =>
        $"""
        <Declaration xmlns="urn:wco:datamodel:WCO:DEC-DMS:2" xmlns:p1="urn:wco:datamodel:WCO:Declaration_DS:DMS:2">
          <FunctionalReferenceID>LRN-1</FunctionalReferenceID>
          <TypeCode>IMA</TypeCode>
          {body}
        </Declaration>
        """;
}
