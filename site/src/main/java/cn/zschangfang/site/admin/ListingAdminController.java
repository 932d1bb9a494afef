package cn.zschangfang.site.admin;

import cn.zschangfang.site.admin.Field.Group;
import cn.zschangfang.site.agent.SiteSession;
import cn.zschangfang.site.web.CachePolicy;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** {@code /admin/listings}: list by status, the grouped editor, photos, status changes and verification. */
@Controller
class ListingAdminController {

    private static final String ID = "{id:[A-Za-z0-9_-]{1,64}}";
    private static final String PHOTO = "{photoId:[A-Za-z0-9_-]{1,64}}";

    private final ContentAdmin content;
    private final AdminOptions options;
    private final AdminProperties properties;

    ListingAdminController(ContentAdmin content, AdminOptions options, AdminProperties properties) {
        this.content = content;
        this.options = options;
        this.properties = properties;
    }

    @GetMapping("/admin/listings")
    String list(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String filter = status != null && ListingForm.STATUS.containsKey(status) ? status : null;
        AdminPages.list(
                model, "listings", content.listings(me.apiToken(), filter, Math.max(0, page)), Math.max(0, page));
        model.addAttribute("status", filter);
        return page(model, "房源管理", "admin/listings/list");
    }

    @GetMapping("/admin/listings/new")
    String newForm(@RequestAttribute(AdminAccess.SESSION) SiteSession me, Model model) {
        Map<String, Object> values = FormValues.of(groups(), Map.of());
        values.put("deal", "LEASE");
        values.put("leaseAmountFrequency", "YUAN_PER_SQM_MONTH");
        if (!AdminLoginController.ADMIN_ID.equals(me.agentId())) {
            values.put("agentId", me.agentId()); // a manager usually lists their own
        }
        return form(model, null, new FormValues(Map.of(), values, Map.of()), "SQM");
    }

    @PostMapping("/admin/listings")
    String create(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @RequestParam MultiValueMap<String, String> params,
            Model model) {
        FormValues form = read(params);
        return AdminPages.submit(
                model,
                form,
                () -> "redirect:/admin/listings/"
                        + content.createListing(me.apiToken(), form.json()).get("id") + "?done=created",
                problem -> refused(model, null, form, params, problem));
    }

    @GetMapping("/admin/listings/" + ID)
    String edit(@RequestAttribute(AdminAccess.SESSION) SiteSession me, @PathVariable String id, Model model) {
        Map<String, Object> listing = content.listing(me.apiToken(), id);
        Map<String, Object> values = FormValues.of(groups(), listing);
        return form(model, listing, new FormValues(Map.of(), values, Map.of()), "SQM");
    }

    @PostMapping("/admin/listings/" + ID)
    String update(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @PathVariable String id,
            @RequestParam MultiValueMap<String, String> params,
            Model model) {
        Map<String, Object> current = content.listing(me.apiToken(), id);
        FormValues form = read(params);
        return AdminPages.submit(
                model,
                form,
                () -> {
                    Map<String, Object> body = new LinkedHashMap<>(form.json());
                    for (String kept : ListingForm.CARRIED_OVER) {
                        if (current.get(kept) != null) {
                            body.put(kept, current.get(kept));
                        }
                    }
                    content.updateListing(me.apiToken(), id, body);
                    return "redirect:/admin/listings/" + id + "?done=saved";
                },
                problem -> refused(model, current, form, params, problem));
    }

    @PostMapping("/admin/listings/" + ID + "/status")
    String status(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @PathVariable String id,
            @RequestParam String status,
            @RequestParam(required = false) String reason,
            Model model) {
        if (!ListingForm.STATUS.containsKey(status) || (reason != null && reason.length() > 500)) {
            return shownWith(me, id, model, ServiceProblem.invalid(Map.of("status", "操作无效")), "error");
        }
        try {
            content.changeStatus(me.apiToken(), id, status, reason);
            return "redirect:/admin/listings/" + id + "?done=status#status";
        } catch (ServiceProblem problem) {
            return shownWith(me, id, model, problem, "error");
        }
    }

    /** The editor again with a refusal above it (the page is rendered, not redirected: no flash session). */
    private String shownWith(SiteSession me, String id, Model model, ServiceProblem problem, String slot) {
        AdminPages.refusal(model, problem, slot);
        return edit(me, id, model);
    }

    @PostMapping("/admin/listings/" + ID + "/verify")
    String verify(@RequestAttribute(AdminAccess.SESSION) SiteSession me, @PathVariable String id) {
        content.verify(me.apiToken(), id);
        return "redirect:/admin/listings/" + id + "?done=verified#verify";
    }

    @PostMapping(path = "/admin/listings/" + ID + "/photos", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String upload(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @PathVariable String id,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String caption,
            Model model)
            throws IOException {
        if (file == null || file.isEmpty()) {
            return shownWith(me, id, model, ServiceProblem.invalid(Map.of("file", "请选择一张照片")), "photoError");
        }
        if (file.getSize() > properties.maxPhotoBytes()) {
            return shownWith(
                    me,
                    id,
                    model,
                    new ServiceProblem(413, "照片不能超过 " + properties.maxPhotoBytes() / 1024 / 1024 + " MB", Map.of()),
                    "photoError");
        }
        try {
            content.uploadPhoto(me.apiToken(), id, file.getBytes(), file.getOriginalFilename(), caption);
            return "redirect:/admin/listings/" + id + "?done=photo#photos";
        } catch (ServiceProblem problem) {
            return shownWith(me, id, model, problem, "photoError");
        }
    }

    @PostMapping("/admin/listings/" + ID + "/photos/" + PHOTO + "/delete")
    String deletePhoto(
            @RequestAttribute(AdminAccess.SESSION) SiteSession me,
            @PathVariable String id,
            @PathVariable String photoId) {
        content.deletePhoto(me.apiToken(), id, photoId);
        return "redirect:/admin/listings/" + id + "?done=photo-deleted#photos";
    }

    /** The editor's preview of a photo, also of a listing that is not public yet. */
    @GetMapping("/admin/listings/" + ID + "/photos/" + PHOTO + "/{size:list|detail}.jpg")
    ResponseEntity<byte[]> photo(@PathVariable String id, @PathVariable String photoId, @PathVariable String size) {
        ResponseEntity<byte[]> photo = content.photo(id, photoId, size);
        return ResponseEntity.ok()
                .cacheControl(CachePolicy.PERSONAL)
                .contentType(MediaType.IMAGE_JPEG)
                .body(photo.getBody());
    }

    private List<Group> groups() {
        return ListingForm.groups(options.towns());
    }

    private FormValues read(MultiValueMap<String, String> params) {
        FormValues form = FormValues.read(groups(), params);
        if ("MU".equals(params.getFirst("lotSizeUnit")) && form.json().containsKey("lotSizeArea")) {
            Map<String, Object> json = new LinkedHashMap<>(form.json());
            json.put("lotSizeMu", json.remove("lotSizeArea"));
            return new FormValues(json, form.values(), form.errors());
        }
        return form;
    }

    private String refused(
            Model model,
            Map<String, Object> listing,
            FormValues form,
            MultiValueMap<String, String> params,
            ServiceProblem problem) {
        String unit = "MU".equals(params.getFirst("lotSizeUnit")) ? "MU" : "SQM";
        return form(model, listing, form.withServiceErrors(problem.fieldErrors(), ListingForm.ERROR_AT), unit);
    }

    private String form(Model model, Map<String, Object> listing, FormValues form, String lotSizeUnit) {
        model.addAttribute("listing", listing);
        model.addAttribute("groups", groups());
        model.addAttribute("townGroups", options.townGroups());
        model.addAttribute("values", form.values());
        model.addAttribute("errors", form.errors());
        model.addAttribute("lotSizeUnit", lotSizeUnit);
        if (listing != null) {
            model.addAttribute(
                    "actions",
                    StatusActions.of(String.valueOf(listing.get("status")), String.valueOf(listing.get("deal"))));
        }
        return page(model, listing == null ? "新建房源" : "编辑房源", "admin/listings/form");
    }

    private static String page(Model model, String title, String view) {
        return AdminPages.page(model, "listings", title, view);
    }
}
