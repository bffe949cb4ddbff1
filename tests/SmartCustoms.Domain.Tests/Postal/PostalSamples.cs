using SmartCustoms.Domain.Postal;

namespace SmartCustoms.Domain.Tests.Postal;

/// <summary>Items as a post sends them: a sale of goods from a Chinese seller to a French buyer, and variants of it.</summary>
public static class PostalSamples
{
    public static PostalItem Sale(string itemId = "RR123456785GB", decimal value = 24.90m, string description = "Bluetooth over-ear headphones", string? hs = "851830") => new()
    {
        ItemId = itemId,
        Category = "saleOfGoods",
        Sender = new PostalParty { Name = "Shenzhen Gadget Co., Ltd", Address = "88 Keyuan Road, Nanshan", City = "Shenzhen", Country = "CN" },
        Recipient = new PostalParty { Name = "Émilie Durand", Address = "5 rue de la Paix", Postcode = "75002", City = "Paris", Country = "FR" },
        Contents = [new ContentLine { Description = description, HsCode = hs, Quantity = 1, NetMass = 0.25m, Value = value, Currency = "EUR", Origin = "CN" }],
        Currency = "EUR",
        TotalValue = value,
        Postage = 3.50m,
        GrossMass = 0.4m,
        DepartureOffice = "CNSZX",
        ArrivalOffice = "FRCDG",
    };

    public static PostalItem Gift(string senderName) => Sale() with
    {
        Category = "gift",
        Sender = new PostalParty { Name = senderName, Address = "12 Elm Street", City = "Leeds", Country = "GB" },
    };
}
