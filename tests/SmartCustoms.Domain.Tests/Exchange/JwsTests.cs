using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using SmartCustoms.Domain.Exchange;

namespace SmartCustoms.Domain.Tests.Exchange;

public sealed class JwsTests : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public void Dispose() => _key.Dispose();

    [Fact]
    public void ASignedPayloadVerifiesWithThePublicJwkAndCarriesItsHeader()
    {
        var jwk = Jwk.FromKey(_key, DateTimeOffset.UnixEpoch, null);
        var compact = Jws.Sign("{\"a\":1}"u8, jwk.Kid!, ExchangeMediaTypes.Message, _key);

        var parsed = Jws.Parse(compact)!;
        using var verifier = jwk.ToVerifier()!;

        Assert.Equal(3, compact.Split('.').Length);
        Assert.Equal(("ES256", jwk.Kid, ExchangeMediaTypes.Message), (parsed.Algorithm, parsed.KeyId, parsed.Type));
        Assert.Equal("{\"a\":1}", Encoding.UTF8.GetString(parsed.Payload));
        Assert.Equal(Jws.SignatureBytes, parsed.Signature.Length);
        Assert.True(parsed.VerifiedBy(verifier));
    }

    [Fact]
    public void AChangedPayloadOrAnotherKeyDoesNotVerify()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var parts = Jws.Sign("{\"amount\":100}"u8, "k", ExchangeMediaTypes.Message, _key).Split('.');
        var tampered = Jws.Parse(string.Join('.', parts[0], Base64Url.EncodeToString("{\"amount\":1}"u8), parts[2]))!;
        var genuine = Jws.Parse(string.Join('.', parts))!;

        Assert.False(tampered.VerifiedBy(_key));
        Assert.False(genuine.VerifiedBy(other));
        Assert.True(genuine.VerifiedBy(_key));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!.e30.AA")]
    [InlineData("eyJhbGciOiJub25lIiwia2lkIjoiayJ9.e30.")]
    [InlineData("eyJhbGciOiJFUzI1NiJ9.e30.AA")]
    public void RefusesWhatIsNotACompactEs256JwsWithAKeyId(string text) => Assert.Null(Jws.Parse(text));

    [Fact]
    public void TheKeyIdIsTheRfc7638ThumbprintAndTheValidityPeriodIsHonoured()
    {
        var now = DateTimeOffset.UtcNow;
        var jwk = Jwk.FromKey(_key, now, now.AddDays(1));

        Assert.Equal(Jwk.Thumbprint(jwk.X!, jwk.Y!), jwk.Kid);
        Assert.Equal(43, jwk.Kid!.Length);
        Assert.True(jwk.ValidAt(now.AddHours(1)));
        Assert.False(jwk.ValidAt(now.AddDays(2)));
        Assert.False(jwk.ValidAt(now.AddHours(-1)));
        Assert.Null((jwk with { X = "AAAA" }).ToVerifier());
        Assert.Null((jwk with { Crv = "P-384" }).ToVerifier());
    }
}
