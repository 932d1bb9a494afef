package cn.zschangfang.site.dashboard;

import cn.zschangfang.site.agent.SessionAccess;
import cn.zschangfang.site.agent.SiteSession;
import cn.zschangfang.site.web.CachePolicy;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /dashboard} for managers (the session's role MANAGER; checked by {@link SessionAccess}): the page renders
 * the current board server-side, then {@code /dashboard/stream} keeps it live; {@code /dashboard/board} is the same
 * JSON for a screen whose stream cannot get through.
 */
@Controller
public class DashboardController {

    private final DashboardHub hub;
    private final JsonMapper json = JsonMapper.builder().build();

    public DashboardController(DashboardHub hub) {
        this.hub = hub;
    }

    @GetMapping("/dashboard")
    public String page(@RequestAttribute(SessionAccess.ATTRIBUTE) SiteSession session, Model model) {
        model.addAttribute("me", session);
        Board board = hub.board();
        model.addAttribute("board", board);
        // the first board as a JSON data block for the charts (CSP forbids inline code, not data); "</" escaped
        model.addAttribute("boardJson", json.writeValueAsString(board).replace("</", "<\\/"));
        model.addAttribute("title", "实时数据看板");
        model.addAttribute("nav", "dashboard");
        return "dashboard/board";
    }

    @GetMapping(path = "/dashboard/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public ResponseEntity<SseEmitter> stream() {
        return ResponseEntity.ok()
                .cacheControl(CachePolicy.PERSONAL)
                .header("X-Accel-Buffering", "no") // nginx and friends: do not buffer the stream
                .body(hub.connect());
    }

    @GetMapping(path = "/dashboard/board", produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<Board> board() {
        return ResponseEntity.ok().cacheControl(CachePolicy.PERSONAL).body(hub.board());
    }
}
