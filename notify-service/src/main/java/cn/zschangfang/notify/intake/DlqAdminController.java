package cn.zschangfang.notify.intake;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/notify/admin/dlq/replay?max=N} (ADMIN): re-publishes dead-lettered lead events. */
@RestController
@Validated
public class DlqAdminController {

    private final DlqReplay replay;

    public DlqAdminController(DlqReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/api/notify/admin/dlq/replay")
    public DlqReplay.Result replay(@RequestParam(defaultValue = "1000") @Min(1) @Max(100000) int max) {
        return replay.replay(max);
    }
}
