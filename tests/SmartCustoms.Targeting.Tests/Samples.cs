namespace SmartCustoms.Targeting.Tests;

/// <summary>The KCS sample files shipped in samples/fraud, copied next to the tests.</summary>
internal static class Samples
{
    public static string Train => Path.Combine(AppContext.BaseDirectory, "fraud", "kcs-train.csv");
    public static string Valid => Path.Combine(AppContext.BaseDirectory, "fraud", "kcs-valid.csv");

    public static TargetingRecord Record(string importer = "IMP1", string hs6 = "851713", double price = 1000, double mass = 10) => new()
    {
        Office = "30", ProcessType = "B", ImportType = "11", ImportUse = "21", PaymentType = "11", TransportMode = "10",
        DeclarantId = "DEC1", ImporterId = importer, SellerId = "SEL1", Hs6 = hs6, DepartureCountry = "CN", OriginCountry = "CN",
        TaxRate = 8, TaxType = "A", OriginIndicator = "G", NetMass = mass, ItemPrice = price,
    };
}
