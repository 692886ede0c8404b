package cn.parkflow.notification;

import cn.parkflow.system.Outcomes;
import cn.parkflow.identity.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 消息中心: the caller's own notices. */
@RestController
@RequestMapping("/api/inbox")
@Tag(name = "inbox", description = "消息中心")
class InboxController {

    private final Inbox inbox;

    InboxController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    @Operation(summary = "我的消息", description = "本人收到的通知，最新的在前；unread=true 只列未读；unread 为未读总数")
    Inbox.Page list(@RequestParam(defaultValue = "false") boolean unread, @RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 200) {
            throw cn.parkflow.system.FieldErrors.single("limit", "每页1至200条");
        }
        return inbox.list(CurrentCaller.get().userId(), unread, limit);
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "标记已读", description = "本人的通知标为已读；他人的通知 404")
    @Outcomes(value = 204, problems = 404)
    ResponseEntity<Void> read(@PathVariable long id) {
        inbox.markRead(CurrentCaller.get().userId(), id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @Operation(summary = "全部标记已读", description = "本人的全部未读通知标为已读")
    @Outcomes(204)
    ResponseEntity<Void> readAll() {
        inbox.markAllRead(CurrentCaller.get().userId());
        return ResponseEntity.noContent().build();
    }
}
