package cn.zschangfang.lead.privacy;

import cn.zschangfang.lead.access.Caller;
import cn.zschangfang.lead.access.Callers;
import cn.zschangfang.platform.problem.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@code DELETE /api/leads/{id}/personal-data} (admin): erasure on the data subject's request. */
@RestController
public class PersonalDataController {

    private final Callers callers;
    private final PersonalData personalData;

    public PersonalDataController(Callers callers, PersonalData personalData) {
        this.callers = callers;
        this.personalData = personalData;
    }

    @DeleteMapping("/api/leads/{id}/personal-data")
    public ResponseEntity<Void> erase(@PathVariable String id, HttpServletRequest request) {
        Caller admin = callers.requireAdmin(request);
        if (!personalData.erase(id, admin.id(), "应本人要求删除")) {
            throw ApiException.notFound();
        }
        return ResponseEntity.noContent().build();
    }
}
