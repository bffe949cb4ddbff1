using System.Collections;
using System.Reflection;
using SmartCustoms.Domain.Declarations;
using SmartCustoms.Domain.Tests.Validation;

namespace SmartCustoms.Domain.Tests.Declarations;

public class DeclarationJsonTests
{
    [Fact]
    public void PreservesEveryFieldThroughARoundTrip()
    {
        var full = Full();

        var roundTripped = DeclarationJson.Deserialize(DeclarationJson.Serialize(full));

        Assert.NotNull(roundTripped);
        AssertSameGraph(full, roundTripped, "");
    }

    [Fact]
    public void WritesCamelCaseNamesAndLeavesOutNulls()
    {
        var json = DeclarationJson.Serialize(new Declaration { Type = "IMA", GoodsItemQuantity = 1 });

        Assert.Equal("""{"type":"IMA","authorisationHolders":[],"routingCountries":[],"goodsItemQuantity":1,"items":[],"previousDocuments":[],"additionalDocuments":[]}""", json);
    }

    [Fact]
    public void HashesEqualContentEquallyWhateverItsObjectIdentity()
    {
        var hash = DeclarationJson.ContentHash(ValidDeclarations.Import());

        Assert.Equal(hash, DeclarationJson.ContentHash(ValidDeclarations.Import()));
        Assert.Equal(hash, DeclarationJson.ContentHash(DeclarationJson.Deserialize(DeclarationJson.Serialize(ValidDeclarations.Import()))!));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Theory]
    [InlineData("lrn")]
    [InlineData("net mass")]
    [InlineData("seal")]
    [InlineData("item order")]
    [InlineData("type")]
    public void HashesDifferentContentDifferently(string change)
    {
        var import = ValidDeclarations.Import();
        var changed = change switch
        {
            "lrn" => import with { Lrn = "LRN-2026-0002" },
            "net mass" => import with { Items = [import.Items[0], import.Items[1] with { NetMass = 100.5m }] },
            "seal" => import.WithTransport(t => t with { Containers = [t.Containers[0] with { Seals = ["SEAL0001", "SEAL0002"] }] }),
            "item order" => import with { Items = [import.Items[1], import.Items[0]] },
            "type" => import with { Type = "IMZ" },
            _ => throw new ArgumentOutOfRangeException(nameof(change)),
        };

        Assert.NotEqual(DeclarationJson.ContentHash(import), DeclarationJson.ContentHash(changed));
    }

    /// <summary>Every settable property of every type in the model is given a value.</summary>
    private static Declaration Full()
    {
        static Party Party(string id) => new()
        {
            Id = id, Name = "Name " + id, FunctionCode = "2",
            Address = new Address { Line = "1 Quay", City = "Felixstowe", Postcode = "IP11", Country = "GB" },
        };
        static DocumentReference Document(string id) => new() { Category = "Z", Type = "380", Id = id, Line = 3 };
        var money = new Money { Amount = 12.50m, Currency = "USD" };
        var import = ValidDeclarations.Import();
        return import with
        {
            SupervisingOffice = "GB000041",
            ExitOffice = "NL000396",
            IssueDateTime = new DateTimeOffset(2026, 3, 1, 9, 30, 15, TimeSpan.FromHours(2)),
            Declarant = Party("D1"), Importer = Party("I1"), Exporter = Party("E1"), Consignor = Party("C1"),
            Consignee = Party("C2"), Agent = Party("A1"), Carrier = Party("K1"),
            AuthorisationHolders = [new AuthorisationHolder { Id = "GB1", Category = "CGU" }],
            ExchangeRate = 0.9231m,
            PreviousDocuments = [Document("P1")],
            AdditionalDocuments = [Document("A1")],
            Transport = import.Transport! with { BorderMeansIdType = "10", InlandMeansId = "TRUCK1", InlandMeansIdType = "30", TransportDocument = Document("T1") },
            Items =
            [
                import.Items[0] with
                {
                    Quantity = 4m, QuantityUnit = "NAR", CustomsValue = money, StatisticalValue = money, ValuationMethod = "1",
                    Packages = [new Package { Type = "CT", Quantity = 10, Marks = "ADDR" }], AdditionalProcedureCodes = ["000"],
                    ValuationAdjustments = [new ValuationAdjustment { Code = "AK", Amount = money }],
                    PreviousDocuments = [Document("P2")], AdditionalDocuments = [Document("A2")],
                },
            ],
        };
    }

    private static void AssertSameGraph(object? expected, object? actual, string path)
    {
        Assert.False(expected is null or ICollection { Count: 0 }, $"{path} has no value in the sample, so the round trip would not test it.");
        Assert.NotNull(actual);
        if (expected is string || expected!.GetType().IsValueType)
        {
            Assert.True(expected.Equals(actual), $"{path}: {expected} became {actual}");
        }
        else if (expected is IEnumerable list)
        {
            var expectedItems = list.Cast<object>().ToList();
            var actualItems = ((IEnumerable)actual).Cast<object>().ToList();
            Assert.Equal(expectedItems.Count, actualItems.Count);
            for (var i = 0; i < expectedItems.Count; i++)
            {
                AssertSameGraph(expectedItems[i], actualItems[i], $"{path}/{i}");
            }
        }
        else
        {
            foreach (var property in expected.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.SetMethod is not null))
            {
                AssertSameGraph(property.GetValue(expected), property.GetValue(actual), $"{path}/{property.Name}");
            }
        }
    }
}
