using Scalar.AspNetCore;
using SmartCustoms.Server.Access;
using SmartCustoms.Server.Aeo;
using SmartCustoms.Server.Declarations;
using SmartCustoms.Server.Exchange;
using SmartCustoms.Server.Hosting;
using SmartCustoms.Server.Models;
using SmartCustoms.Server.Portal;
using SmartCustoms.Server.Risk;
using SmartCustoms.Server.Tariffs;

// Settings files ship beside the binaries; the working directory is the operator's (it holds ./data).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddSmartCustoms();

var app = builder.Build();
await app.Services.GetRequiredService<NodeInitializer>().InitializeAsync(app.Lifetime.ApplicationStopping);

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseBodyLimits();
app.UsePortalAssets();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapHealthChecks("/health").AllowAnonymous();
app.MapOpenApi().AllowAnonymous();
app.MapScalarApiReference("/docs").AllowAnonymous();

app.MapKeys();
app.MapDeclarations();
app.MapTariff();
app.MapRiskCriteria();
app.MapRiskLanes();
app.MapRiskPerformance();
app.MapRiskProposals();
app.MapModels();
app.MapExchange();
app.MapAeo();
app.MapPortal();

app.Run();

/// <summary>Entry point, public so that tests can host the node in process.</summary>
public partial class Program;
