using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SmartCustoms.Domain.Exchange;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Secrets;
using SmartCustoms.Storage;
using SmartCustoms.Storage.Exchange;

namespace SmartCustoms.Benchmarks.Exchange;

/// <summary>
/// The ES256 work of one delivery, on the node's own code paths: the sender signs the envelope afresh
/// (<see cref="DeliveryService"/>: read the stored envelope, stamp sentAt, serialise, <see cref="NodeKeyRing.Sign"/>); the
/// receiver parses and verifies it against its registered partners (<see cref="InboxService"/>: <see cref="Jws.Parse"/> +
/// <see cref="PartnerKeys.Verify"/>) and signs a receipt; the sender verifies the receipt. Single-threaded: Op/s is per core.
/// </summary>
[Config(typeof(SharedMachineConfig))]
public class SigningBenchmarks : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sc-bench-jws-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly List<Database> _databases = [];
    private NodeKeyRing _senderKeys = null!;
    private NodeKeyRing _receiverKeys = null!;
    private PartnerRecord[] _senderAtReceiver = null!;
    private PartnerRecord[] _receiverAtSender = null!;
    private string _envelopeJson = "";
    private string _signedMessage = "";
    private string _signedReceipt = "";
    private byte[] _receiptPayload = [];
    private JwsParts _parsedReceipt = null!;
    private System.Security.Cryptography.ECDsa _receiverKey = null!;

    [GlobalSetup]
    public void Setup()
    {
        _senderKeys = KeyRing(ExchangeSamples.Sender);
        _receiverKeys = KeyRing(ExchangeSamples.Receiver);
        var senderCard = new NodeCard { NodeId = ExchangeSamples.Sender, Country = ExchangeSamples.Sender, BaseUrl = "http://127.0.0.1:1", Keys = _senderKeys.PublicKeys() };
        var receiverCard = new NodeCard { NodeId = ExchangeSamples.Receiver, Country = ExchangeSamples.Receiver, BaseUrl = "http://127.0.0.1:2", Keys = _receiverKeys.PublicKeys() };
        // Two other partners registered first, as a node with a few partners has: verification looks the key id up among them all.
        _senderAtReceiver = [Other("HK"), Other("MY"), ExchangeSamples.Partner(senderCard, ExchangeSamples.ReceiverAgreement())];
        _receiverAtSender = [ExchangeSamples.Partner(receiverCard, ExchangeSamples.SenderAgreement())];
        _envelopeJson = ExchangeSamples.Messages(_receiverAtSender[0], 1, "SIGN")[0].EnvelopeJson;
        _signedMessage = SignMessage();
        _receiptPayload = JsonSerializer.SerializeToUtf8Bytes(
            new MessageReceipt { MessageId = "0193b0c0ffee", Sender = ExchangeSamples.Sender, Recipient = ExchangeSamples.Receiver, ReceivedAt = DateTimeOffset.UtcNow },
            ExchangeJson.Options);
        _signedReceipt = SignReceipt();
        _parsedReceipt = Jws.Parse(_signedReceipt)!;
        _receiverKey = _receiverAtSender[0].Card().Keys[0].ToVerifier()!;
        if (!VerifyMessage() || !VerifyReceipt())
        {
            throw new InvalidOperationException("The sample message or receipt does not verify.");
        }

        Console.WriteLine($"// exchange: envelope {Encoding.UTF8.GetByteCount(_envelopeJson)} B, signed message {_signedMessage.Length} B, signed receipt {_signedReceipt.Length} B");
    }

    /// <summary>What the delivery service does per attempt before posting: read the stored envelope, stamp sentAt, serialise, sign.</summary>
    [Benchmark]
    public string SignMessage()
    {
        var envelope = JsonSerializer.Deserialize<MessageEnvelope>(_envelopeJson, ExchangeJson.Options)!;
        return _senderKeys.Sign(JsonSerializer.SerializeToUtf8Bytes(envelope with { SentAt = DateTimeOffset.UtcNow }, ExchangeJson.Options), ExchangeMediaTypes.Message);
    }

    /// <summary>The inbox's first step: parse the compact JWS and verify it against the registered partners' keys.</summary>
    [Benchmark]
    public bool VerifyMessage() =>
        Jws.Parse(_signedMessage) is { } jws && PartnerKeys.Verify(jws, _senderAtReceiver, DateTimeOffset.UtcNow, out _) == PartnerKeys.Verdict.Verified;

    /// <summary>The inbox's receipt: serialise and sign.</summary>
    [Benchmark]
    public string SignReceipt() => _receiverKeys.Sign(_receiptPayload, ExchangeMediaTypes.Receipt);

    /// <summary>What the delivery service checks before marking a message delivered: parse, verify against the partner, read the receipt.</summary>
    [Benchmark]
    public bool VerifyReceipt() =>
        Jws.Parse(_signedReceipt) is { } jws && PartnerKeys.Verify(jws, _receiverAtSender, DateTimeOffset.UtcNow, out _) == PartnerKeys.Verdict.Verified
        && JsonSerializer.Deserialize<MessageReceipt>(jws.Payload, ExchangeJson.Options) is not null;

    /// <summary>Part of the verifications above: turning the partner's registered JWK into an ECDsa key (<see cref="Jwk.ToVerifier"/>), done at every verification.</summary>
    [Benchmark]
    public bool ImportPartnerKey()
    {
        using var key = _receiverAtSender[0].Card().Keys[0].ToVerifier();
        return key is not null;
    }

    /// <summary>Part of the verifications above: the ECDSA check alone, with a key imported once.</summary>
    [Benchmark]
    public bool EcdsaVerifyOnly() => _parsedReceipt.VerifiedBy(_receiverKey);

    [GlobalCleanup]
    public void Cleanup()
    {
        Dispose();
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    public void Dispose()
    {
        _senderKeys?.Dispose();
        _receiverKey?.Dispose();
        _receiverKeys?.Dispose();
        foreach (var database in _databases)
        {
            database.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }

        _databases.Clear();
        GC.SuppressFinalize(this);
    }

    /// <summary>A node's key ring as the server has it: in a database of its own (SQLite in the bench folder), encrypted.</summary>
    private NodeKeyRing KeyRing(string nodeId)
    {
        var options = Options.Create(new SmartCustomsOptions { NodeId = nodeId, DataDirectory = Path.Combine(_directory, nodeId) });
        var database = StorageFactory.Create(new StorageOptions { DataDirectory = options.Value.DataDirectory });
        _databases.Add(database);
        database.MigrateAsync(CancellationToken.None).GetAwaiter().GetResult();
        var keys = new NodeKeyRing(database.Secrets, new SecretProtector(options), options, TimeProvider.System, NullLogger<NodeKeyRing>.Instance);
        keys.LoadAsync(CancellationToken.None).GetAwaiter().GetResult();
        return keys;
    }

    private PartnerRecord Other(string nodeId)
    {
        using var keys = KeyRing(nodeId);
        return ExchangeSamples.Partner(
            new NodeCard { NodeId = nodeId, Country = nodeId, BaseUrl = "http://127.0.0.1:3", Keys = keys.PublicKeys() }, ExchangeSamples.ReceiverAgreement());
    }
}
