using SmartCustoms.Domain.Controls;
using SmartCustoms.Server.Risk;
using SmartCustoms.Storage.Risk;

namespace SmartCustoms.Server.Portal.Analyst;

/// <summary>The API's performance report over its default period, as tables.</summary>
public sealed class PerformanceModel(IRiskStore store, TimeProvider clock) : PortalPage
{
    public RiskPerformanceReport Report { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        Report = await PerformanceApi.ComputeAsync(store, now - PerformanceApi.DefaultReportPeriod, now, cancellationToken);
    }
}
