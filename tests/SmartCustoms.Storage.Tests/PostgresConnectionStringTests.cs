using Npgsql;
using SmartCustoms.Storage.Postgres;

namespace SmartCustoms.Storage.Tests;

public sealed class PostgresConnectionStringTests
{
    [Fact]
    public void TheUriFormIsReadAsNpgsqlKeywords()
    {
        var normalized = new NpgsqlConnectionStringBuilder(
            PostgresConnectionString.Normalize("postgres://app:p%40ss@db.example:6543/customs?sslmode=require"));

        Assert.Equal("db.example", normalized.Host);
        Assert.Equal(6543, normalized.Port);
        Assert.Equal("customs", normalized.Database);
        Assert.Equal("app", normalized.Username);
        Assert.Equal("p@ss", normalized.Password);
        Assert.Equal(SslMode.Require, normalized.SslMode);
    }

    [Theory]
    [InlineData("Hots=db;Database=customs;Password=secret-pw", "'Hots'")]
    [InlineData("Database=customs;Password=secret-pw", "no Host")]
    [InlineData("postgres://app:secret-pw@db/customs?colour=red", "'colour'")]
    public void AWrongStringIsRefusedNamingTheKeyNeverThePassword(string connectionString, string named)
    {
        var refused = Assert.Throws<ArgumentException>(() => PostgresConnectionString.Normalize(connectionString));

        Assert.Contains(named, refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secret-pw", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StatementsArePreparedAutomaticallyUnlessTheOperatorSaysOtherwise()
    {
        var defaults = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize("Host=db;Database=customs"));
        Assert.Equal(PostgresConnectionString.DefaultMaxAutoPrepare, defaults.MaxAutoPrepare);
        Assert.Equal(PostgresConnectionString.DefaultAutoPrepareMinUsages, defaults.AutoPrepareMinUsages);

        var off = new NpgsqlConnectionStringBuilder(PostgresConnectionString.Normalize("Host=db;Max Auto Prepare=0"));
        Assert.Equal(0, off.MaxAutoPrepare);

        var own = new NpgsqlConnectionStringBuilder(
            PostgresConnectionString.Normalize("postgres://app@db/customs?MaxAutoPrepare=10&Auto%20Prepare%20Min%20Usages=5"));
        Assert.Equal(10, own.MaxAutoPrepare);
        Assert.Equal(5, own.AutoPrepareMinUsages);
    }
}
